import {
  RunNotFoundError,
  type BackendPort,
  type PoolCapacityReportedData,
  type RunStatus,
  type StartRequest,
} from '@sluice/domain';

/**
 * A backend whose runs do what the test says: a run is `running` until the test ends it, a cancel
 * stops a run that has not ended, and a forgotten run is one the backend no longer knows. It
 * records every start and cancel, so a test can tell what the job manager asked for.
 */
export class ManualBackend implements BackendPort {
  readonly backend = 'glue' as const;
  readonly starts: StartRequest[] = [];
  readonly cancels: string[] = [];
  private readonly runs = new Map<string, RunStatus>();

  async start(request: StartRequest): Promise<{ runId: string }> {
    const runId = `run-${request.jobId}-${request.attempt}`;
    // Idempotent per (job, attempt), as every real adapter is.
    if (!this.runs.has(runId)) {
      this.starts.push(request);
      this.runs.set(runId, { state: 'running' });
    }
    return { runId };
  }

  async status(runId: string): Promise<RunStatus> {
    const status = this.runs.get(runId);
    if (!status) throw new RunNotFoundError('glue', runId);
    return status;
  }

  async cancel(runId: string): Promise<void> {
    this.cancels.push(runId);
    const status = this.runs.get(runId);
    if (!status) throw new RunNotFoundError('glue', runId);
    if (status.state === 'running')
      this.runs.set(runId, { state: 'cancelled', reason: 'stopped on request' });
  }

  /** The run ends on its own, as the backend will report it. */
  end(runId: string, status: RunStatus): void {
    this.runs.set(runId, status);
  }

  /** The backend loses the run (purged history, a cluster gone). */
  forget(runId: string): void {
    this.runs.delete(runId);
  }

  async probeCapacity(): Promise<PoolCapacityReportedData> {
    throw new Error('not used by the job manager');
  }
}
