import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '@sluice/domain/vocabulary';
import type { Command } from 'commander';
import { formatQueueListing } from '../format/queueListing';
import { wholeNumber } from './arguments';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

/** `sluice queue`: the head of the queue in admission order, with why each job waits. */
export function registerQueueCommand(program: Command): void {
  withTargetOptions(
    program
      .command('queue')
      .description('queued jobs in admission order, with why each waits')
      .option('--limit <n>', `show at most this many (1 to ${LIST_LIMIT_MAX})`, String(LIST_LIMIT_DEFAULT)),
  ).action((options: CommonOptions & { limit: string }) =>
    runAction(options, async (client) => {
      const queue = await client.queue(wholeNumber('--limit', options.limit, 1, LIST_LIMIT_MAX));
      if (options.json) return printJson(queue);
      console.log(formatQueueListing(queue));
    }),
  );
}
