import {
  BackendBusyError,
  BackendRejectedError,
  DIMENSIONS,
  addResources,
  firstExceededDimension,
  type Backend,
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type ResourceVector,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import type { z } from 'zod';
import { parseBackendInput } from '../specParsing';
import { drawDuration, type DurationDistribution } from './durationDistribution';
import { seededRandom } from './seededRandom';

export interface SimulatedBackendOptions {
  /** The backend kind this one stands in for (default `simulated`). */
  backend?: Backend;
  /** Milliseconds since the epoch; tests and the local runtime drive it. */
  clock: () => number;
  seed: number;
  /** Time from start to running (the backend's queue and startup). */
  queueMs?: DurationDistribution;
  startupMs?: DurationDistribution;
  runMs: DurationDistribution;
  /** Share of runs that end failed, retryable or not. */
  failureRates?: { retryable?: number; permanent?: number };
  /** Share of starts refused, "not now" or for good. */
  startRefusalRates?: { busy?: number; rejected?: number };
  /** Concurrent usage the backend allows; a start past it is "not now", like a real quota. */
  quotas?: ResourceVector;
  /** Reported as the pool's capacity. */
  capacity?: ResourceVector;
  /** The spec schema of the backend this one stands in for, so bad specs fail as they would there. */
  specSchema?: z.ZodType;
  /**
   * Treat a run this process never saw as still running from now on. A real backend outlives a
   * restart of Sluice; this in-memory one does not, so the local runtime adopts the runs the store
   * says are running instead of reporting them lost.
   */
  adoptUnknownRuns?: boolean;
}

interface SimulatedRun {
  runId: string;
  jobId: string;
  attempt: number;
  poolId: string;
  demand: ResourceVector;
  startsAt: number;
  runsAt: number;
  endsAt: number;
  outcome: RunStatus;
  cancelledAt?: number;
}

const NO_DELAY: DurationDistribution = { kind: 'fixed', ms: 0 };

/**
 * A backend in memory, for the local runtime and tests: runs queue, start, run and end on an
 * injected clock, with seeded durations, failures and refusals, and honour quotas like a real
 * backend. It passes the same port contract as the real adapters.
 */
export class SimulatedBackend implements BackendPort {
  readonly backend: Backend;
  private readonly random: () => number;
  private readonly runs = new Map<string, SimulatedRun>();
  private readonly refusals: ('busy' | 'rejected')[] = [];
  private launches = 0;

  constructor(private readonly options: SimulatedBackendOptions) {
    this.backend = options.backend ?? 'simulated';
    this.random = seededRandom(options.seed);
  }

  /** Makes the next start refuse, whatever the rates say. */
  refuseNextStart(kind: 'busy' | 'rejected'): void {
    this.refusals.push(kind);
  }

  /** Drops a run as if the backend had lost it (a purged record, a wiped cluster). */
  forget(runId: string): void {
    this.runs.delete(runId);
  }

  /** How many runs were launched in total, adopted restarts not counted. */
  get launched(): number {
    return this.launches;
  }

  runsOf(jobId: string): string[] {
    return [...this.runs.values()].filter((r) => r.jobId === jobId).map((r) => r.runId);
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    if (this.options.specSchema)
      parseBackendInput(this.backend, 'spec', this.options.specSchema, request.spec);
    const runId = `sim-${request.jobId}-a${request.attempt}`;
    if (this.runs.has(runId)) return { runId };
    const refusal = this.refusals.shift() ?? this.drawRefusal();
    if (refusal === 'busy') throw new BackendBusyError(this.backend, 'simulated throttling', 1);
    if (refusal === 'rejected')
      throw new BackendRejectedError(this.backend, 'simulated refusal: invalid job spec');
    const now = this.options.clock();
    // A run always takes one of the backend's concurrent runs, whatever the demand names.
    const demand = { ...request.demand, runs: request.demand.runs ?? 1 };
    const over = firstExceededDimension(this.inUse(now), demand, this.options.quotas ?? {});
    if (over) throw new BackendBusyError(this.backend, `simulated quota on ${over} reached`);

    const startsAt = now + drawDuration(this.options.queueMs ?? NO_DELAY, this.random);
    const runsAt = startsAt + drawDuration(this.options.startupMs ?? NO_DELAY, this.random);
    const endsAt = runsAt + Math.max(1, drawDuration(this.options.runMs, this.random));
    this.runs.set(runId, {
      runId,
      jobId: request.jobId,
      attempt: request.attempt,
      poolId: request.poolId,
      demand: request.demand,
      startsAt,
      runsAt,
      endsAt,
      outcome: this.drawOutcome(),
    });
    this.launches += 1;
    return { runId };
  }

  private drawRefusal(): 'busy' | 'rejected' | undefined {
    const r = this.random();
    const busy = this.options.startRefusalRates?.busy ?? 0;
    if (r < busy) return 'busy';
    if (r < busy + (this.options.startRefusalRates?.rejected ?? 0)) return 'rejected';
    return undefined;
  }

  private drawOutcome(): RunStatus {
    const r = this.random();
    const retryable = this.options.failureRates?.retryable ?? 0;
    if (r < retryable) return { state: 'failed', reason: 'simulated transient failure', retryable: true };
    if (r < retryable + (this.options.failureRates?.permanent ?? 0)) {
      return { state: 'failed', reason: 'simulated permanent failure', retryable: false };
    }
    return { state: 'succeeded' };
  }

  private statusAt(run: SimulatedRun, now: number): RunStatus {
    if (run.cancelledAt !== undefined && run.cancelledAt < run.endsAt)
      return { state: 'cancelled', reason: 'cancelled' };
    if (now < run.startsAt) return { state: 'queued' };
    if (now < run.runsAt) return { state: 'starting' };
    if (now < run.endsAt) return { state: 'running' };
    return run.outcome;
  }

  private inUse(now: number): ResourceVector {
    let used: ResourceVector = {};
    for (const run of this.runs.values()) {
      const state = this.statusAt(run, now).state;
      if (state === 'queued' || state === 'starting' || state === 'running')
        used = addResources(used, { runs: 1, ...run.demand });
    }
    return used;
  }

  async status(runId: string): Promise<RunStatus> {
    const run = this.runs.get(runId) ?? this.adopt(runId);
    if (!run) throw new RunNotFoundError(this.backend, runId);
    return this.statusAt(run, this.options.clock());
  }

  private adopt(runId: string): SimulatedRun | undefined {
    const match = this.options.adoptUnknownRuns ? /^sim-(.+)-a(\d+)$/.exec(runId) : null;
    if (!match) return undefined;
    const now = this.options.clock();
    const run: SimulatedRun = {
      runId,
      jobId: match[1]!,
      attempt: Number(match[2]),
      poolId: '',
      demand: {},
      startsAt: now,
      runsAt: now,
      endsAt: now + Math.max(1, drawDuration(this.options.runMs, this.random)),
      outcome: this.drawOutcome(),
    };
    this.runs.set(runId, run);
    return run;
  }

  async cancel(runId: string): Promise<void> {
    const run = this.runs.get(runId) ?? this.adopt(runId);
    if (!run) return;
    const now = this.options.clock();
    if (run.cancelledAt === undefined && now < run.endsAt) run.cancelledAt = now;
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const now = this.options.clock();
    let observed: ResourceVector = { runs: 0 };
    for (const run of this.runs.values()) {
      if (run.poolId !== probe.poolId) continue;
      const state = this.statusAt(run, now).state;
      if (state === 'queued' || state === 'starting' || state === 'running')
        observed = addResources(observed, { runs: 1, ...run.demand });
    }
    const capacity = this.options.capacity ?? this.options.quotas;
    return { poolId: probe.poolId, observed: roundVector(observed), ...(capacity ? { capacity } : {}) };
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    const now = this.options.clock();
    return [...this.runs.values()]
      .filter((r) => r.poolId === probe.poolId)
      .map((r) => ({ runId: r.runId, jobId: r.jobId, status: this.statusAt(r, now) }));
  }
}

function roundVector(v: ResourceVector): ResourceVector {
  const out: ResourceVector = {};
  for (const d of DIMENSIONS) if (v[d] !== undefined) out[d] = Math.round(v[d]! * 1e6) / 1e6;
  return out;
}
