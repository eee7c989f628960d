import { Option, type Command } from 'commander';
import type { TargetOptions } from '../client/openClient';

export interface CommonOptions extends TargetOptions {
  json?: boolean;
}

/** Every command that talks to Sluice takes the same target options, from flags or the environment. */
export function withTargetOptions(command: Command, { json = true } = {}): Command {
  command
    .addOption(
      new Option('--data-dir <dir>', 'local store directory (default ./.sluice)').env('SLUICE_DATA_DIR'),
    )
    .addOption(
      new Option('--endpoint <url>', 'a deployed Sluice API instead of the local store').env('SLUICE_ENDPOINT'),
    )
    .addOption(new Option('--api-key <key>', 'API key for --endpoint').env('SLUICE_API_KEY'));
  if (json) command.option('--json', 'print one JSON document instead of text');
  return command;
}
