import type { ResourceVector } from '../policy/domain';
import type { CycleResult, SchedulingSnapshot } from '../policy/snapshot';
import { snapshotBuilder } from './snapshotBuilder';

export interface WorkloadJob {
  source: string;
  priorityClass: string;
  priority: number;
  demand: ResourceVector;
  durationSeconds: number;
  estimateSeconds?: number;
}

export interface WorkloadOptions {
  pools: { poolId: string; capacity: ResourceVector }[];
  policy: Parameters<ReturnType<typeof snapshotBuilder>['policy']>[0];
  ticks: number;
  tickSeconds: number;
  halfLifeSeconds?: number;
  /** The jobs arriving at a tick, given how many each source still has queued. */
  arrivals(tick: number, queuedBySource: ReadonlyMap<string, number>): WorkloadJob[];
  cycle(snapshot: SchedulingSnapshot): CycleResult;
}

export interface JobRecord extends WorkloadJob {
  jobId: string;
  submittedMs: number;
  admittedMs?: number;
  poolId?: string;
}

/**
 * A small discrete simulation for property tests: each tick, jobs whose duration is over finish,
 * new jobs arrive, and one cycle runs on the snapshot the real views give; its admissions are
 * recorded as events. Every admitted job runs exactly its duration.
 */
export function runWorkload(options: WorkloadOptions): { jobs: JobRecord[]; endMs: number; startMs: number } {
  const start = '2026-01-01T00:00:00.000Z';
  const startMs = Date.parse(start);
  const b = snapshotBuilder({
    start,
    stepMs: 1,
    ...(options.halfLifeSeconds ? { halfLifeSeconds: options.halfLifeSeconds } : {}),
  });
  b.at(start);
  for (const pool of options.pools) b.pool(pool.poolId, { capacity: pool.capacity, quotas: {} });
  b.policy(options.policy);
  const jobs = new Map<string, JobRecord>();
  const running: { jobId: string; endMs: number }[] = [];
  let next = 0;
  for (let tick = 0; tick < options.ticks; tick++) {
    const nowMs = startMs + (tick + 1) * options.tickSeconds * 1000;
    b.at(new Date(nowMs).toISOString());
    running.sort((x, y) => x.endMs - y.endMs || (x.jobId < y.jobId ? -1 : 1));
    while (running.length > 0 && (running[0]?.endMs ?? Infinity) <= nowMs)
      b.finish(running.shift()?.jobId ?? '');
    const queued = new Map<string, number>();
    for (const job of Object.values(b.log.views.queue.pending))
      queued.set(job.source, (queued.get(job.source) ?? 0) + 1);
    for (const arrival of options.arrivals(tick, queued)) {
      const jobId = `job-${++next}`;
      jobs.set(jobId, { ...arrival, jobId, submittedMs: nowMs });
      b.submit(jobId, {
        source: arrival.source,
        priorityClass: arrival.priorityClass,
        priority: arrival.priority,
        demand: arrival.demand,
        pools: options.pools.map((pool) => pool.poolId),
        ...(arrival.estimateSeconds !== undefined ? { estimateSeconds: arrival.estimateSeconds } : {}),
      });
    }
    const result = options.cycle(b.snapshot(new Date(nowMs).toISOString()));
    b.apply(result);
    for (const admission of result.admissions) {
      const job = jobs.get(admission.jobId);
      if (!job) continue;
      job.admittedMs = nowMs;
      job.poolId = admission.poolId;
      running.push({ jobId: job.jobId, endMs: nowMs + job.durationSeconds * 1000 });
    }
  }
  return {
    jobs: [...jobs.values()],
    startMs,
    endMs: startMs + (options.ticks + 1) * options.tickSeconds * 1000,
  };
}
