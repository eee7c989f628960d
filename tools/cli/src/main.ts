import { Command } from 'commander';
import { registerDemoCommand } from './commands/demo';
import { registerStartCommand } from './commands/start';

const program = new Command('sluice').description(
  'Sluice: decides which data-pipeline job runs, when, and where',
);
program.exitOverride((error) => {
  // commander's own usage errors (unknown option, missing argument) are bad input: exit 2.
  process.exit(
    error.exitCode === 0
      ? 0
      : error.code?.startsWith('commander.') && error.exitCode === 1
        ? 2
        : error.exitCode,
  );
});
registerStartCommand(program);
registerDemoCommand(program);
await program.parseAsync(process.argv);
