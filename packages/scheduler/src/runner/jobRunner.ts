import {
  BackendBusyError,
  BackendRejectedError,
  ConcurrencyError,
  type JobViewState,
  type StoredEvent,
} from '@sluice/domain';
import {
  JobNotRunnableError,
  getJobStatus,
  reportFailure,
  reportResult,
  startJob,
  timeOutRun,
  type JobManagerDeps,
} from '../jobManager/jobManagerTasks';
import { taskFailureOf } from '../jobManager/taskFailure';
import { loadJob } from '../commands/loadAggregates';
import { startRetryDelayMs } from './startRetryDelay';

export interface JobRunnerOptions extends Omit<JobManagerDeps, 'tokens' | 'notifier'> {
  /** Drives retries and polls, and judges run time-outs: tests give a fake one. */
  clockMs: () => number;
  /** Start attempts that fail for reasons other than "busy" before the job fails as retryable. */
  maxStartFailures?: number;
  onError?: (jobId: string, error: unknown) => void;
}

interface Tracked {
  jobId: string;
  runId?: string;
  /** Not before this time (ms) is the next start or poll tried. */
  dueMs: number;
  startFailures: number;
  busyRetries: number;
}

/**
 * The in-process job manager: the same tasks the Step Functions job manager runs in the cloud
 * (start, poll status, report), driven by a loop instead of a state machine. Starts are idempotent
 * per (job, attempt), so a start retried after a crash never launches a second run.
 */
export class JobRunner {
  private readonly tracked = new Map<string, Tracked>();
  private readonly cancelling = new Set<string>();

  constructor(private readonly options: JobRunnerOptions) {}

  /** Picks up, after a restart, the jobs that were admitted or running. */
  resume(jobs: JobViewState): void {
    for (const job of Object.values(jobs.jobs)) {
      if (job.status === 'admitted' || job.status === 'running') this.track(job.jobId, job.runId);
      if (job.status === 'running' && job.cancelRequested) this.cancelling.add(job.jobId);
    }
  }

  /** Feeds new events: admissions are started, cancellation requests are sent to the backend. */
  observe(events: StoredEvent[]): void {
    for (const event of events) {
      if (event.type === 'JobAdmitted') this.track(event.data.jobId);
      if (event.type === 'JobCancellationRequested') this.cancelling.add(event.data.jobId);
    }
  }

  get activeJobs(): number {
    return this.tracked.size;
  }

  private track(jobId: string, runId?: string): void {
    if (!this.tracked.has(jobId)) {
      this.tracked.set(jobId, { jobId, ...(runId ? { runId } : {}), dueMs: 0, startFailures: 0, busyRetries: 0 });
    }
  }

  /** One pass over every tracked job whose turn has come. */
  async tick(): Promise<void> {
    for (const job of [...this.tracked.values()]) {
      if (job.dueMs > this.options.clockMs()) continue;
      try {
        if (!job.runId) await this.start(job);
        else if (this.cancelling.has(job.jobId)) await this.cancel(job);
        else await this.poll(job);
      } catch (error) {
        if (error instanceof JobNotRunnableError) {
          this.tracked.delete(job.jobId);
          continue;
        }
        this.options.onError?.(job.jobId, error);
        job.dueMs = this.options.clockMs() + startRetryDelayMs(job.startFailures++);
      }
    }
  }

  private async start(job: Tracked): Promise<void> {
    try {
      job.runId = (await startJob(this.options, { jobId: job.jobId })).runId;
      job.dueMs = 0;
    } catch (error) {
      if (error instanceof BackendBusyError) {
        // Throttled or "already running": the job keeps its admission and tries again later.
        job.dueMs = this.options.clockMs() + (error.retryAfterSeconds ?? 0) * 1000 + startRetryDelayMs(job.busyRetries++);
        return;
      }
      if (error instanceof JobNotRunnableError) throw error;
      if (error instanceof BackendRejectedError || ++job.startFailures >= (this.options.maxStartFailures ?? 5)) {
        await reportFailure(this.options, { jobId: job.jobId, failure: taskFailureOf(error) });
        this.tracked.delete(job.jobId);
        return;
      }
      this.options.onError?.(job.jobId, error);
      job.dueMs = this.options.clockMs() + startRetryDelayMs(job.startFailures);
    }
  }

  private async poll(job: Tracked): Promise<void> {
    const status = await getJobStatus(this.options, { jobId: job.jobId, runId: job.runId! });
    if (!status.done && !status.timedOut) return;
    try {
      if (status.timedOut) await timeOutRun(this.options, status);
      else await reportResult(this.options, status);
    } catch (error) {
      // A cancellation request landed on the stream meanwhile: the next pass reports again.
      if (error instanceof ConcurrencyError) return;
      throw error;
    }
    this.tracked.delete(job.jobId);
  }

  private async cancel(job: Tracked): Promise<void> {
    const { state } = await loadJob(this.options.store, job.jobId);
    const backend = state.job ? this.options.backends[state.job.backend] : undefined;
    if (state.status === 'running' && backend) await backend.cancel(job.runId!);
    this.cancelling.delete(job.jobId);
  }
}
