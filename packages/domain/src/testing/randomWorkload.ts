import fc from 'fast-check';
import { decideJob } from '../job/decideJob';
import { evolveJob } from '../job/evolveJob';
import { initialJobState, type JobState } from '../job/jobState';
import { decidePool } from '../pool/decidePool';
import { evolvePool } from '../pool/evolvePool';
import { initialPoolState, type PoolState } from '../pool/poolState';
import { jobStreamId, poolStreamId, POLICY_STREAM } from '../streams';
import { validateEventData, type EventInput, type SluiceEvent } from '../events/catalogue';
import type { NewEvent } from '../events/envelope';
import type { JobCommand } from '../job/jobCommands';
import type { PoolCommand } from '../pool/poolCommands';
import { sequentialEventIds } from './eventIds';

export type WorkloadStep =
  | { op: 'registerPool'; pool: number; runs: number; dpu: number }
  | { op: 'submit'; job: number; pool: number; source: number; klass: number; dpu: number; maxAttempts: number }
  | { op: 'admit'; job: number }
  | { op: 'start'; job: number }
  | { op: 'succeed'; job: number }
  | { op: 'fail'; job: number; retryable: boolean }
  | { op: 'cancel'; job: number }
  | { op: 'confirmCancel'; job: number }
  | { op: 'timeOut'; job: number }
  | { op: 'report'; pool: number; runs: number }
  | { op: 'quota'; pool: number; runs: number }
  | { op: 'policy'; weightA: number; halfLife: number }
  | { op: 'wait'; seconds: number };

/** Random workloads over a few jobs and pools, so that commands collide often enough to matter. */
export function workloadStepArbitrary(jobs = 12, pools = 3): fc.Arbitrary<WorkloadStep> {
  const job = fc.nat({ max: jobs - 1 });
  const pool = fc.nat({ max: pools - 1 });
  return fc.oneof(
    fc.record({ op: fc.constant('registerPool' as const), pool, runs: fc.integer({ min: 1, max: 6 }), dpu: fc.integer({ min: 2, max: 40 }) }),
    fc.record({
      op: fc.constant('submit' as const),
      job,
      pool,
      source: fc.nat({ max: 2 }),
      klass: fc.nat({ max: 2 }),
      dpu: fc.integer({ min: 1, max: 10 }),
      maxAttempts: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({ op: fc.constant('admit' as const), job }),
    fc.record({ op: fc.constant('admit' as const), job }),
    fc.record({ op: fc.constant('start' as const), job }),
    fc.record({ op: fc.constant('start' as const), job }),
    fc.record({ op: fc.constant('succeed' as const), job }),
    fc.record({ op: fc.constant('succeed' as const), job }),
    fc.record({ op: fc.constant('fail' as const), job, retryable: fc.boolean() }),
    fc.record({ op: fc.constant('cancel' as const), job }),
    fc.record({ op: fc.constant('confirmCancel' as const), job }),
    fc.record({ op: fc.constant('timeOut' as const), job }),
    fc.record({ op: fc.constant('report' as const), pool, runs: fc.nat({ max: 8 }) }),
    fc.record({ op: fc.constant('quota' as const), pool, runs: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('policy' as const), weightA: fc.integer({ min: 1, max: 5 }), halfLife: fc.integer({ min: 60, max: 7200 }) }),
    fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 3600 }) }),
  );
}

/** One atomic append: what a command handler would write for one step. */
export interface WorkloadBatch {
  appends: { streamId: string; events: NewEvent[] }[];
  /** When the store records it (virtual time). */
  at: string;
}

const CLASSES = [
  ['low', 50],
  ['normal', 100],
  ['high', 500],
] as const;
const RELEASE_ON: Partial<Record<string, 'succeeded' | 'failed' | 'cancelled' | 'timedOut'>> = {
  JobSucceeded: 'succeeded',
  JobFailed: 'failed',
  JobCancelled: 'cancelled',
  JobTimedOut: 'timedOut',
};

/**
 * Plays steps through the real deciders; a step the domain refuses is skipped, so every batch is a
 * valid history. Ends that free capacity write the pool's release in the same batch, as the
 * lifecycle handlers do.
 */
export function interpretWorkload(steps: WorkloadStep[], startMs = Date.UTC(2026, 0, 1), pools = 3): WorkloadBatch[] {
  const nextId = sequentialEventIds(startMs);
  const jobs = new Map<number, JobState>();
  const poolStates = new Map<number, PoolState>();
  const batches: WorkloadBatch[] = [];
  let clock = startMs;

  const envelope = (e: EventInput): NewEvent =>
    ({ ...e, eventId: nextId(), occurredAt: new Date(clock).toISOString(), actor: 'workload' }) as NewEvent;
  const parsed = (e: EventInput): SluiceEvent => ({ type: e.type, data: validateEventData(e.type, e.data).data }) as SluiceEvent;
  const jobCommand = (index: number, command: JobCommand): EventInput[] | undefined => {
    try {
      return decideJob(command, jobs.get(index) ?? initialJobState());
    } catch {
      return undefined;
    }
  };
  const poolCommand = (index: number, command: PoolCommand): EventInput[] | undefined => {
    try {
      return decidePool(command, poolStates.get(index) ?? initialPoolState(`p${index}`));
    } catch {
      return undefined;
    }
  };
  const applyJob = (index: number, events: EventInput[]) =>
    jobs.set(index, events.map(parsed).reduce(evolveJob, jobs.get(index) ?? initialJobState()));
  const applyPool = (index: number, events: EventInput[]) =>
    poolStates.set(index, events.map(parsed).reduce(evolvePool, poolStates.get(index) ?? initialPoolState(`p${index}`)));
  const poolIndexOf = (poolId: string) => Number(poolId.slice(1));
  const emit = (appends: { streamId: string; events: EventInput[] }[]) => {
    const nonEmpty = appends.filter((a) => a.events.length > 0);
    if (nonEmpty.length === 0) return;
    batches.push({ appends: nonEmpty.map((a) => ({ streamId: a.streamId, events: a.events.map(envelope) })), at: new Date(clock).toISOString() });
  };
  /** A job command that may end a reservation: the release goes in the same batch. */
  const endJob = (index: number, command: JobCommand) => {
    const before = jobs.get(index);
    const events = jobCommand(index, command);
    if (!events || !before) return;
    const ending = events.find((e) => RELEASE_ON[e.type]);
    const pool = before.poolId && ending ? poolIndexOf(before.poolId) : undefined;
    const release =
      pool !== undefined ? poolCommand(pool, { type: 'ReleaseCapacity', jobId: `j${index}`, reason: RELEASE_ON[ending!.type]! }) : [];
    applyJob(index, events);
    if (pool !== undefined && release) applyPool(pool, release);
    emit([
      { streamId: jobStreamId(`j${index}`), events },
      ...(pool !== undefined && release ? [{ streamId: poolStreamId(`p${pool}`), events: release }] : []),
    ]);
  };

  // Pools exist from the start so that most histories reach admissions; steps may redefine them.
  const preamble: WorkloadStep[] = Array.from({ length: pools }, (_, pool) => ({ op: 'registerPool', pool, runs: 4, dpu: 20 }));
  for (const step of [...preamble, ...steps]) {
    clock += 1000;
    switch (step.op) {
      case 'wait':
        clock += step.seconds * 1000;
        break;
      case 'registerPool': {
        const events = poolCommand(step.pool, {
          type: 'RegisterPool',
          data: { poolId: `p${step.pool}`, backend: 'glue', capacity: { runs: step.runs, dpu: step.dpu }, quotas: { runs: step.runs } },
        })!;
        applyPool(step.pool, events);
        emit([{ streamId: poolStreamId(`p${step.pool}`), events }]);
        break;
      }
      case 'submit': {
        const [name, priority] = CLASSES[step.klass]!;
        const events = jobCommand(step.job, {
          type: 'SubmitJob',
          data: {
            jobId: `j${step.job}`,
            source: `s${step.source}`,
            dataset: `d${step.job % 2}`,
            priorityClass: name,
            priority,
            demand: { runs: 1, dpu: step.dpu },
            backend: 'glue',
            spec: {},
            pools: [`p${step.pool}`],
            maxAttempts: step.maxAttempts,
          },
        });
        if (!events) break;
        applyJob(step.job, events);
        emit([{ streamId: jobStreamId(`j${step.job}`), events }]);
        break;
      }
      case 'admit': {
        const job = jobs.get(step.job);
        const poolId = job?.job?.pools[0];
        if (!job?.job || !poolId) break;
        const pool = poolIndexOf(poolId);
        const admitted = jobCommand(step.job, {
          type: 'AdmitJob',
          poolId,
          reservation: job.job.demand,
          reason: 'fits',
          now: new Date(clock).toISOString(),
        });
        const reserved = poolCommand(pool, { type: 'ReserveCapacity', jobId: `j${step.job}`, demand: job.job.demand });
        if (!admitted || !reserved) break;
        applyJob(step.job, admitted);
        applyPool(pool, reserved);
        emit([
          { streamId: jobStreamId(`j${step.job}`), events: admitted },
          { streamId: poolStreamId(poolId), events: reserved },
        ]);
        break;
      }
      case 'start': {
        const events = jobCommand(step.job, { type: 'StartJob', runId: `run-${step.job}-${clock}` });
        if (!events) break;
        applyJob(step.job, events);
        emit([{ streamId: jobStreamId(`j${step.job}`), events }]);
        break;
      }
      case 'succeed':
        endJob(step.job, { type: 'CompleteJob' });
        break;
      case 'fail':
        endJob(step.job, { type: 'FailJob', error: 'boom', retryable: step.retryable, now: new Date(clock).toISOString() });
        break;
      case 'cancel':
        endJob(step.job, { type: 'CancelJob', reason: 'operator' });
        break;
      case 'confirmCancel':
        endJob(step.job, { type: 'ConfirmCancellation', reason: 'backend stopped it' });
        break;
      case 'timeOut':
        endJob(step.job, { type: 'TimeOutJob', afterSeconds: 60 });
        break;
      case 'report':
      case 'quota': {
        const events = poolCommand(
          step.pool,
          step.op === 'report' ? { type: 'ReportCapacity', observed: { runs: step.runs } } : { type: 'ChangeQuota', quotas: { runs: step.runs } },
        );
        if (!events) break;
        applyPool(step.pool, events);
        emit([{ streamId: poolStreamId(`p${step.pool}`), events }]);
        break;
      }
      case 'policy':
        emit([
          {
            streamId: POLICY_STREAM,
            events: [{ type: 'SharePolicySet', data: { shares: { s0: step.weightA }, halfLifeSeconds: step.halfLife } }],
          },
        ]);
        break;
    }
  }
  return batches;
}
