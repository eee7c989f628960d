import {
  POLICY_STREAM,
  decideJob,
  decidePool,
  jobStreamId,
  poolStreamId,
  type ResourceVector,
  type StoredEvent,
  type Views,
} from '@sluice/domain';
import { snapshotOf } from '../../reactor/snapshotOf';
import type { Admission, SchedulingPolicy } from '../../policy/snapshot';
import { weightOfSource, type Workload } from '../workload/workload';
import { decideAdmission } from './admissionDecision';
import { completionQueue } from './completionQueue';
import { runTally, type RunTallyResult } from './runTally';
import { queuedJobState } from '../../commands/queuedJobState';
import { simulationLog } from './simulationLog';
import { jobSubmittedEvent, sharePolicyEvent } from './workloadEvents';
import { DEFAULT_EPOCH_MS } from './virtualClock';

export interface SimulationOptions {
  /** Virtual seconds between cycles while jobs wait and nothing happens: the reactor's safety tick. */
  safetyTickSeconds?: number;
  epochMs?: number;
  halfLifeSeconds?: number;
  /** Keep the recorded events and final views in the result (tests; costly on long traces). */
  keepEvents?: boolean;
}

export interface SimulationRun extends RunTallyResult {
  policy: string;
  workload: Workload;
  cycles: number;
  eventsRecorded: number;
  events?: StoredEvent[];
  views?: Views;
}

/** Cycles in a row that change nothing while nothing runs or arrives: what is left can never fit. */
const MAX_IDLE_CYCLES = 3;

/**
 * Replays a workload through a policy in virtual time. Arrivals and completions are real domain
 * events recorded in a validated log and folded into the live views; after each instant at which
 * the queue or capacity changed, one cycle runs on a snapshot of those views (as the reactor does
 * on wake events), and its admissions are checked by the job and pool aggregates before they are
 * recorded. A job starts when admitted and ends after its run time.
 */
export function simulate(
  workload: Workload,
  policy: SchedulingPolicy,
  options: SimulationOptions = {},
): SimulationRun {
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const tick = options.safetyTickSeconds ?? 300;
  const halfLifeSeconds = options.halfLifeSeconds ?? 3600;
  const jobs = workload.jobs;
  const log = simulationLog({ epochMs, halfLifeSeconds });
  const indexOf = new Map(jobs.map((job, i) => [job.jobId, i]));
  const running = completionQueue();
  const tally = runTally(jobs, workload.pools, (source) => weightOfSource(workload, source));
  let cycles = 0;

  const start = jobs[0]?.arrival ?? 0;
  for (const pool of workload.pools)
    log.record(poolStreamId(pool.poolId), [{ type: 'PoolRegistered', data: pool }], start);
  log.record(POLICY_STREAM, [sharePolicyEvent(workload, halfLifeSeconds)], start);

  const submit = (index: number, at: number) => {
    const job = jobs[index]!;
    log.record(jobStreamId(job.jobId), [jobSubmittedEvent(job, workload.classes)], at);
    tally.queued(index);
  };

  const admit = (admission: Admission, at: number, cycleId: string) => {
    const index = indexOf.get(admission.jobId);
    const decision = decideAdmission(admission, log.views, log.isoAt(at), cycleId);
    if ('refused' in decision || index === undefined) {
      tally.refused(admission.jobId, 'refused' in decision ? decision.refused : 'not a job of the workload');
      return;
    }
    const job = jobs[index]!;
    log.record(jobStreamId(job.jobId), decision.jobEvents, at);
    log.record(poolStreamId(admission.poolId), decision.poolEvents, at);
    // The backend accepts the run at once: starting has no cost of its own in the comparison.
    log.record(
      jobStreamId(job.jobId),
      [{ type: 'JobStarted', data: { jobId: job.jobId, runId: `sim-${job.jobId}` } }],
      at,
    );
    tally.admitted(index, admission.poolId, admission.reservation, at);
    running.push(at + job.duration, index);
  };

  const cancel = (jobId: string, reason: string, at: number) => {
    const queued = log.views.queue.pending[jobId];
    const index = indexOf.get(jobId);
    if (!queued || index === undefined) return;
    log.record(jobStreamId(jobId), decideJob({ type: 'CancelJob', reason }, queuedJobState(queued)), at);
    tally.cancelled(index);
  };

  const finish = (index: number, at: number) => {
    const job = jobs[index]!;
    const poolId = tally.poolOf[index]!;
    const pool = log.views.capacity.pools[poolId]!;
    const reservation: ResourceVector = pool.reservations[job.jobId] ?? job.demand;
    log.record(
      jobStreamId(job.jobId),
      [{ type: 'JobSucceeded', data: { jobId: job.jobId, runId: `sim-${job.jobId}` } }],
      at,
    );
    log.record(
      poolStreamId(poolId),
      decidePool({ type: 'ReleaseCapacity', jobId: job.jobId, reason: 'succeeded' }, pool),
      at,
    );
    tally.finished(index, reservation, at);
  };

  const cycle = (at: number): number => {
    cycles += 1;
    const cycleId = `sim:${cycles}`;
    const result = policy.cycle(snapshotOf(log.views, log.isoAt(at), log.pendingIndex));
    for (const c of result.cancellations) cancel(c.jobId, c.reason, at);
    const before = tally.admissions;
    for (const admission of result.admissions) admit(admission, at, cycleId);
    return tally.admissions - before + result.cancellations.length;
  };

  let next = 0;
  let now = start;
  let lastCycle = -Infinity;
  let idleCycles = 0;
  for (;;) {
    const arrival = next < jobs.length ? jobs[next]!.arrival : Infinity;
    let at = Math.min(arrival, running.peekAt());
    const safetyTick = tally.waiting > 0 && Number.isFinite(lastCycle) && lastCycle + tick < at;
    if (safetyTick) at = lastCycle + tick;
    if (at === Infinity) break;
    tally.elapse(at - now);
    now = at;
    while (running.peekAt() === at) finish(running.pop()!.jobIndex, at);
    while (next < jobs.length && jobs[next]!.arrival === at) submit(next++, at);
    const changed = cycle(at);
    lastCycle = at;
    const stalled = changed === 0 && running.size === 0 && next >= jobs.length;
    idleCycles = stalled ? idleCycles + 1 : 0;
    if (idleCycles >= MAX_IDLE_CYCLES) break;
  }

  return {
    policy: policy.name,
    workload,
    ...tally.result(),
    cycles,
    eventsRecorded: log.events.length,
    ...(options.keepEvents ? { events: log.events, views: log.views } : {}),
  };
}
