import {
  BackendBusyError,
  BackendRejectedError,
  ConcurrencyError,
  DomainError,
  type Backend,
  type BackendPort,
  type EventStore,
  type JobViewState,
  type RunStatus,
  type StoredEvent,
} from '@sluice/domain';
import type { CommandContext } from '../lifecycle/commandContext';
import { handleJobCommand } from '../lifecycle/jobHandlers';
import { loadJob } from '../lifecycle/loadAggregates';
import { startRetryDelayMs } from './startRetryDelay';

export interface JobRunnerOptions {
  store: EventStore;
  backends: Partial<Record<Backend, BackendPort>>;
  /** The edge supplies time and ids. */
  context: (actor: string) => CommandContext;
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
 * The in-process job manager (what the Step Functions job manager does in the cloud): start each
 * admitted job on its backend, poll running ones, and report how they end. Starts are idempotent
 * per (job, attempt), so a start retried after a crash or a timeout never launches a second run.
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
    const now = this.options.clockMs();
    for (const job of [...this.tracked.values()]) {
      if (job.dueMs > now) continue;
      try {
        if (this.cancelling.has(job.jobId) && job.runId) await this.cancel(job);
        else if (job.runId) await this.poll(job);
        else await this.start(job);
      } catch (error) {
        this.options.onError?.(job.jobId, error);
        job.dueMs = now + startRetryDelayMs(job.startFailures++);
      }
    }
  }

  private async start(job: Tracked): Promise<void> {
    const { state } = await loadJob(this.options.store, job.jobId);
    if (state.status !== 'admitted' || !state.job || !state.poolId) {
      if (state.status === 'running' && state.runId) job.runId = state.runId;
      else this.tracked.delete(job.jobId);
      return;
    }
    const backend = this.options.backends[state.job.backend];
    if (!backend) {
      await this.fail(job, `no ${state.job.backend} backend is configured`, false);
      return;
    }
    try {
      const { runId } = await backend.start({
        jobId: job.jobId,
        attempt: state.attempt,
        backend: state.job.backend,
        poolId: state.poolId,
        spec: state.job.spec,
        demand: state.reservation ?? state.job.demand,
      });
      if (!(await this.command(job, { type: 'StartJob', runId }))) {
        // The job was cancelled while its run was starting: stop the run we just launched.
        await backend.cancel(runId);
        return;
      }
      job.runId = runId;
      job.dueMs = 0;
    } catch (error) {
      if (error instanceof BackendBusyError) {
        // Throttled or "already running": the job keeps its admission and tries again later.
        job.dueMs = this.options.clockMs() + (error.retryAfterSeconds ?? 0) * 1000 + startRetryDelayMs(job.busyRetries++);
        return;
      }
      if (error instanceof BackendRejectedError) return this.fail(job, error.message, false);
      if (++job.startFailures >= (this.options.maxStartFailures ?? 5)) {
        return this.fail(job, `start failed ${job.startFailures} times: ${(error as Error).message}`, true);
      }
      job.dueMs = this.options.clockMs() + startRetryDelayMs(job.startFailures);
    }
  }

  private async poll(job: Tracked): Promise<void> {
    const status = await this.backendFor(job).then((b) => b?.status(job.runId!));
    if (!status) return;
    await this.report(job, status);
  }

  private async cancel(job: Tracked): Promise<void> {
    const backend = await this.backendFor(job);
    await backend?.cancel(job.runId!);
    this.cancelling.delete(job.jobId);
  }

  private async report(job: Tracked, status: RunStatus): Promise<void> {
    switch (status.state) {
      case 'succeeded':
        await this.command(job, { type: 'CompleteJob', runId: job.runId! });
        break;
      case 'failed':
        await this.command(job, { type: 'FailJob', error: status.reason, retryable: status.retryable, now: this.options.context('runner').now });
        break;
      case 'cancelled':
        await this.command(job, { type: 'ConfirmCancellation', reason: status.reason ?? 'stopped at the backend' });
        break;
      default:
        return;
    }
    this.tracked.delete(job.jobId);
  }

  private async fail(job: Tracked, error: string, retryable: boolean): Promise<void> {
    await this.command(job, { type: 'FailJob', error, retryable, now: this.options.context('runner').now });
    this.tracked.delete(job.jobId);
  }

  /** Reports to the job stream; false when the job has moved on and the report no longer applies. */
  private async command(job: Tracked, command: Parameters<typeof handleJobCommand>[2]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await handleJobCommand(this.options.store, job.jobId, command, this.options.context('runner'));
        return true;
      } catch (error) {
        // Another event landed on the job stream meanwhile (a cancellation request): decide again.
        if (error instanceof ConcurrencyError && attempt < 3) continue;
        // Someone else (a reconciler, an operator) moved the job on: our report is moot, not wrong.
        if (error instanceof DomainError && error.code === 'IllegalTransition') {
          this.tracked.delete(job.jobId);
          return false;
        }
        throw error;
      }
    }
  }

  private async backendFor(job: Tracked): Promise<BackendPort | undefined> {
    const { state } = await loadJob(this.options.store, job.jobId);
    if (state.status !== 'running') {
      this.tracked.delete(job.jobId);
      return undefined;
    }
    return state.job ? this.options.backends[state.job.backend] : undefined;
  }
}
