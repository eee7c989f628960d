import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { StoredEvent } from '@sluice/domain';
import { ClientError, EXIT_FAILURE, EXIT_USAGE, fieldLines } from '../client/clientError';
import { instant } from './arguments';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';
import { formatWhatIf } from './whatifTable';

interface WhatIfOptions extends CommonOptions {
  policy: string;
  from?: string;
  until?: string;
  input?: string;
}

/**
 * `sluice whatif`: the recorded history replayed under the recorded policy and under a candidate,
 * side by side. Read-only: it reads the log (or an export of it) and appends nothing.
 */
export function registerWhatIfCommand(program: Command): void {
  withTargetOptions(
    program
      .command('whatif')
      .description('replay the recorded history under a candidate share policy and compare it with the recorded one (read-only)')
      .requiredOption('--policy <file>', 'candidate share policy, JSON as SharePolicySet takes it')
      .option('--from <time>', 'leave out jobs submitted before this ISO time')
      .option('--until <time>', 'leave out events after this ISO time')
      .option('--input <file>', 'read the events from an NDJSON file written by `sluice export` instead of a store'),
  ).action(async (options: WhatIfOptions) => {
    const check = await checkedArguments(options);
    if (!check) return;
    if (options.input) return report(options, check, await failingInOneLine(() => eventsOfFile(options.input!)));
    await runAction(options, async (client) => {
      const { feedOf } = await import('@sluice/scheduler');
      const events: StoredEvent[] = [];
      for await (const page of feedOf(client)) events.push(...page);
      report(options, check, events);
    });
  });
}

interface Checked {
  candidate: unknown;
  from?: string;
  until?: string;
}

/** Everything the user typed is checked before any store is opened: a bad candidate reads nothing. */
async function checkedArguments(options: WhatIfOptions): Promise<Checked | undefined> {
  return failingInOneLine(async () => {
    const from = options.from === undefined ? undefined : instant('--from', options.from);
    const until = options.until === undefined ? undefined : instant('--until', options.until);
    const text = await readFile(options.policy, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ClientError(`cannot read --policy ${options.policy}: ${error.code ?? error.message}`, EXIT_USAGE);
    });
    const { parseCandidatePolicy } = await import('@sluice/scheduler');
    const parsed = parseCandidatePolicy(text);
    if (!parsed.ok) throw new ClientError(`invalid candidate policy in ${options.policy}${fieldLines(parsed.errors)}`, EXIT_USAGE);
    return { candidate: parsed.policy, ...(from ? { from } : {}), ...(until ? { until } : {}) };
  });
}

async function report(options: WhatIfOptions, check: Checked, events: StoredEvent[] | undefined): Promise<void> {
  if (!events) return;
  const { whatIf } = await import('@sluice/scheduler');
  const result = whatIf({ events, ...check });
  if (options.json) printJson(result);
  else console.log(formatWhatIf(result));
}

/** NDJSON as `sluice export` writes it: one stored event per line; a bad line is named by its number. */
async function eventsOfFile(file: string): Promise<StoredEvent[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ClientError(`cannot read --input ${file}: ${error.code ?? error.message}`, EXIT_USAGE);
  });
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      try {
        const event = JSON.parse(line) as StoredEvent;
        if (typeof event.type !== 'string' || typeof event.position !== 'number') throw new Error('not an exported event');
        return event;
      } catch (error) {
        throw new ClientError(`--input ${file} line ${number}: ${(error as Error).message}`, EXIT_USAGE);
      }
    });
}

/** Runs a step that needs no store and turns its ClientError into one line and its exit code. */
async function failingInOneLine<T>(step: () => Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof ClientError ? error.exitCode : EXIT_FAILURE;
    return undefined;
  }
}
