import type { FeedPage } from '@sluice/scheduler';
import { SqliteCheckpointStore, SqliteEventStore } from '@sluice/adapters/sqlite';
import {
  DEFAULT_CLASSES,
  DomainError,
  EventValidationError,
  allViews,
  canonicalJobId,
  orderedQueue,
  type StoredEvent,
  type Views,
} from '@sluice/domain';
import {
  JobNotFoundError,
  ProjectionRunner,
  SubmissionRefusedError,
  handleJobCommand,
  jobListing,
  loadOnly,
  loadJob,
  poolListing,
  queueListing,
  sluicePolicy,
  submitJob,
} from '@sluice/scheduler';
import { newJobId, wallClockContext } from '@sluice/runtime/context';
import { eventsFile } from '@sluice/runtime/paths';
import { ClientError, EXIT_USAGE, fieldLines } from './clientError';
import type {
  CancelResult,
  JobFilter,
  JobListing,
  JobSubmission,
  PoolEntry,
  QueueListing,
  SluiceClient,
  SubmitOptions,
  SubmittedJob,
} from './sluiceClient';

const ACTOR = 'cli';

/**
 * The embedded store, used directly: commands run the same lifecycle handlers the API runs, and
 * reads fold the feed into fresh views, so nothing here needs a server or writes checkpoints.
 */
export class LocalClient implements SluiceClient {
  readonly target: string;
  private readonly store: SqliteEventStore;
  private readonly checkpoints: SqliteCheckpointStore;

  constructor(dataDir: string) {
    this.target = eventsFile(dataDir);
    this.store = new SqliteEventStore({ filename: this.target });
    this.checkpoints = new SqliteCheckpointStore(this.target);
  }

  async submit(job: JobSubmission, options: SubmitOptions = {}): Promise<SubmittedJob> {
    const views = await this.views();
    const classes = views.policy.classes ?? DEFAULT_CLASSES;
    const priority = classes[job.priorityClass];
    if (priority === undefined)
      throw new ClientError(
        `unknown priority class ${job.priorityClass}; the policy knows ${Object.keys(classes).join(', ')}`,
        EXIT_USAGE,
      );
    const jobId = newJobId();
    await domainCall(() =>
      submitJob(this.store, { ...job, jobId, priority }, wallClockContext(ACTOR), {
        pools: views.capacity.pools,
        waitForPools: options.waitForPools ?? false,
      }),
    );
    const { state } = await loadJob(this.store, jobId);
    const queued = orderedQueue((await this.views()).queue).find((j) => j.jobId === jobId);
    return { jobId, status: state.status as SubmittedJob['status'], position: queued?.position ?? null };
  }

  async jobs(filter: JobFilter): Promise<{ jobs: JobListing[]; total: number }> {
    return jobListing(await this.views(), filter);
  }

  async queue(limit: number): Promise<QueueListing> {
    return queueListing(await this.views(), new Date().toISOString(), sluicePolicy, limit);
  }

  async pools(): Promise<PoolEntry[]> {
    return poolListing(await this.views());
  }

  async cancel(givenJobId: string, reason?: string): Promise<CancelResult> {
    const jobId = canonicalJobId(givenJobId);
    await domainCall(() =>
      handleJobCommand(
        this.store,
        jobId,
        { type: 'CancelJob', reason: reason ?? 'cancelled from the command line' },
        wallClockContext(ACTOR),
      ),
    );
    const { state } = await loadJob(this.store, jobId);
    return { jobId, status: state.status as CancelResult['status'], cancelRequested: state.cancelRequested };
  }

  readFeed(after: number, limit: number): Promise<FeedPage> {
    return this.store.readAll({ after, limit });
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (await this.store.readStream(streamId)).events;
  }

  close(): Promise<void> {
    this.checkpoints.close();
    return this.store.close();
  }

  /**
   * The views as of now: from the checkpoint a local runtime on the same store keeps (read, never
   * written), plus the events after it; with no runtime, from the first event.
   */
  private async views(): Promise<Views> {
    const runner = await ProjectionRunner.start(this.store, allViews(), { checkpoints: loadOnly(this.checkpoints) });
    return runner.state;
  }
}

/** The domain refuses in its own words; those are the one-line messages a user reads. */
async function domainCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof JobNotFoundError) throw new ClientError(error.message);
    if (error instanceof SubmissionRefusedError)
      throw new ClientError(`the job could never run as submitted${fieldLines(error.problems)}`, EXIT_USAGE);
    if (error instanceof DomainError)
      throw new ClientError(error.message, error instanceof EventValidationError ? EXIT_USAGE : 1);
    throw error;
  }
}
