import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '@sluice/domain/vocabulary';
import type { Command } from 'commander';
import type { JobStatus } from '@sluice/domain';
import { ClientError, EXIT_USAGE } from '../client/clientError';
import { formatJobs } from '../format/jobs';
import { wholeNumber } from './arguments';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

const STATUSES: JobStatus[] = ['queued', 'admitted', 'running', 'succeeded', 'failed', 'cancelled', 'timedOut'];

interface JobsOptions extends CommonOptions {
  status?: string;
  source?: string;
  limit: string;
}

/** `sluice jobs`: jobs in submission order, optionally of one status or source. */
export function registerJobsCommand(program: Command): void {
  withTargetOptions(
    program
      .command('jobs')
      .description('list jobs in submission order')
      .option('--status <status>', `only jobs in this status (${STATUSES.join(', ')})`)
      .option('--source <source>', 'only jobs of this source')
      .option('--limit <n>', `at most this many jobs (1 to ${LIST_LIMIT_MAX})`, String(LIST_LIMIT_DEFAULT)),
  ).action((options: JobsOptions) =>
    runAction(options, async (client) => {
      const limit = wholeNumber('--limit', options.limit, 1, LIST_LIMIT_MAX);
      if (options.status && !(STATUSES as string[]).includes(options.status))
        throw new ClientError(`--status must be one of ${STATUSES.join(', ')}`, EXIT_USAGE);
      const listing = await client.jobs({
        limit,
        ...(options.status ? { status: options.status as JobStatus } : {}),
        ...(options.source ? { source: options.source } : {}),
      });
      if (options.json) return printJson(listing);
      console.log(formatJobs(listing.jobs, listing.total));
    }),
  );
}
