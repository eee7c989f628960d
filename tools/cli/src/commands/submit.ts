import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { jobSubmittedSchema } from '@sluice/domain';
import { BACKENDS } from '@sluice/domain/vocabulary';
import { ClientError, EXIT_USAGE } from '../client/clientError';
import type { JobSubmission } from '../client/sluiceClient';
import { jsonObject, positiveNumber, resources, wholeNumber } from './arguments';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

interface SubmitOptions extends CommonOptions {
  file?: string;
  source?: string;
  dataset?: string;
  class?: string;
  backend?: string;
  pools?: string;
  demand?: string;
  spec?: string;
  jobName?: string;
  estimate?: string;
  timeout?: string;
  maxAttempts?: string;
  waitForPools?: boolean;
}

const REQUIRED = ['source', 'dataset', 'priorityClass', 'backend', 'pools', 'demand'] as const;

/** The API's bounds on a run's time limit, read from its schema so the flag cannot drift from them. */
const TIMEOUT_BOUNDS = jobSubmittedSchema.shape.timeoutSeconds.unwrap();

/** `sluice submit`: one job, from a JSON file, from flags, or from a file with flags on top. */
export function registerSubmitCommand(program: Command): void {
  withTargetOptions(
    program
      .command('submit')
      .description('submit a job; flags override the fields of --file')
      .option('--file <path>', 'the job as JSON (- reads stdin)')
      .option('--source <source>', 'the team or pipeline submitting')
      .option('--dataset <dataset>', 'the dataset it writes')
      .option('--class <class>', 'priority class (critical, high, normal, low, backfill…)')
      .option('--backend <backend>', `one of ${BACKENDS.join(', ')}`)
      .option('--pools <pools>', 'comma-separated pools it may run on')
      .option('--demand <resources>', 'resource demand, such as runs=1,dpu=10')
      .option('--spec <json>', 'backend-specific spec as a JSON object (default {})')
      .option('--job-name <name>', 'name for per-job-name concurrency caps')
      .option('--estimate <seconds>', 'expected run time in seconds')
      .option('--timeout <seconds>', 'longest a run may take before it is stopped and the job times out')
      .option('--max-attempts <n>', 'attempts before the job fails for good')
      .option('--wait-for-pools', 'queue it even if a pool it names is not registered yet'),
  ).action((options: SubmitOptions) =>
    runAction(options, async (client) => {
      const job = submissionOf(options);
      const submitted = await client.submit(job, { waitForPools: options.waitForPools ?? false });
      if (options.json) return printJson(submitted);
      const where = submitted.position === null ? submitted.status : `queued at position ${submitted.position}`;
      console.log(`submitted ${submitted.jobId}: ${where}`);
    }),
  );
}

export function submissionOf(options: SubmitOptions): JobSubmission {
  const fields: Record<string, unknown> = options.file ? jsonObject('--file', readJob(options.file)) : {};
  if (options.source) fields.source = options.source;
  if (options.dataset) fields.dataset = options.dataset;
  if (options.class) fields.priorityClass = options.class;
  if (options.backend) {
    if (!(BACKENDS as readonly string[]).includes(options.backend))
      throw new ClientError(`--backend must be one of ${BACKENDS.join(', ')}`, EXIT_USAGE);
    fields.backend = options.backend;
  }
  if (options.pools) fields.pools = options.pools.split(',').map((p) => p.trim()).filter(Boolean);
  if (options.demand) fields.demand = resources('--demand', options.demand);
  if (options.spec) fields.spec = jsonObject('--spec', options.spec);
  if (options.jobName) fields.jobName = options.jobName;
  if (options.estimate) fields.estimateSeconds = positiveNumber('--estimate', options.estimate);
  if (options.timeout) {
    const { minValue, maxValue } = TIMEOUT_BOUNDS;
    fields.timeoutSeconds = wholeNumber('--timeout', options.timeout, minValue ?? 1, maxValue ?? Number.MAX_SAFE_INTEGER);
  }
  if (options.maxAttempts) fields.maxAttempts = wholeNumber('--max-attempts', options.maxAttempts, 1, 100);
  fields.spec ??= {};
  const missing = REQUIRED.filter((name) => fields[name] === undefined);
  if (missing.length > 0)
    throw new ClientError(`missing ${missing.map(flagOf).join(', ')} (or give them in --file)`, EXIT_USAGE);
  return fields as JobSubmission;
}

const flagOf = (field: string) => (field === 'priorityClass' ? '--class' : `--${field}`);

function readJob(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new ClientError(`cannot read --file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT_USAGE);
  }
}
