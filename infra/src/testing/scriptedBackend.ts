import {
  BackendBusyError,
  BackendRejectedError,
  type BackendPort,
  type PoolCapacityReportedData,
  type RunStatus,
  type StartRequest,
} from '@sluice/domain';

export type StartStep = 'busy' | 'rejected' | 'ok';

/**
 * A Glue-shaped BackendPort that follows a script: what each start attempt does, and the states
 * a run reports on successive polls (the last one repeats). The real backends have their own
 * contract tests; this double only drives the job manager through its paths.
 */
export class ScriptedBackend implements BackendPort {
  readonly backend = 'glue' as const;
  readonly starts: StartRequest[] = [];
  readonly polls: string[] = [];
  readonly cancelled: string[] = [];
  private startCount = 0;

  constructor(private readonly script: { starts?: StartStep[]; statuses?: RunStatus[] } = {}) {}

  async start(request: StartRequest): Promise<{ runId: string }> {
    const step = this.script.starts?.[this.startCount] ?? 'ok';
    this.startCount += 1;
    if (step === 'busy') throw new BackendBusyError('glue', 'ConcurrentRunsExceededException: too many runs');
    if (step === 'rejected') throw new BackendRejectedError('glue', 'EntityNotFoundException: no such job');
    this.starts.push(request);
    return { runId: `etl/jr_${request.jobId}_${request.attempt}` };
  }

  async status(runId: string): Promise<RunStatus> {
    this.polls.push(runId);
    const statuses = this.script.statuses ?? [{ state: 'succeeded' }];
    return statuses[Math.min(this.polls.length, statuses.length) - 1]!;
  }

  async cancel(runId: string): Promise<void> {
    this.cancelled.push(runId);
  }

  async probeCapacity(): Promise<PoolCapacityReportedData> {
    throw new Error('not used by the job manager');
  }
}
