import {
  DEFAULT_CLASSES,
  DIMENSIONS,
  decidePool,
  estimateRun,
  evolvePool,
  type PoolState,
  type ResourceVector,
  type SluiceEvent,
} from '@sluice/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { classLadder } from './classLadder';
import type { SluiceCycleResult } from './cycleTypes';
import { DEFAULT_AGING_SECONDS, agingBoundSeconds, agingCeiling, agingScore, effectiveLevel } from './effectivePriority';
import type { SchedulingSnapshot } from './snapshot';
import { scenarioArbitrary, scenarioSnapshot } from '../testing/scenarios';

const EPSILON = 1e-9;
const amount = (v: ResourceVector | undefined, d: (typeof DIMENSIONS)[number]) => v?.[d] ?? 0;
const limit = (v: ResourceVector | undefined, d: (typeof DIMENSIONS)[number]) => v?.[d] ?? Infinity;

/** Applies every admission through the pool aggregate, as the admission writer would; throws QuotaExceeded on a breach. */
function reserveThroughPoolAggregate(
  snapshot: SchedulingSnapshot,
  result: SluiceCycleResult,
): Map<string, PoolState> {
  const pools = new Map<string, PoolState>(Object.entries(structuredClone(snapshot.capacity.pools)));
  for (const admission of result.admissions) {
    const state = pools.get(admission.poolId);
    if (!state) throw new Error(`admitted to unknown pool ${admission.poolId}`);
    // Borrowing may pass a cohort member's capacity (see the report), never its quota.
    const guarded = state.cohort ? { ...state, capacity: {} } : state;
    decidePool({ type: 'ReserveCapacity', jobId: admission.jobId, demand: admission.reservation }, guarded);
    const reserved = {
      type: 'CapacityReserved',
      data: { poolId: admission.poolId, jobId: admission.jobId, demand: admission.reservation },
    };
    pools.set(admission.poolId, evolvePool(state, reserved as SluiceEvent));
  }
  return pools;
}

/** Per cohort and dimension: what members can lend minus what they borrowed, from the pool states. */
function cohortSlack(pools: Iterable<PoolState>): Map<string, number> {
  const slack = new Map<string, number>();
  for (const pool of pools) {
    if (!pool.registered || !pool.cohort) continue;
    for (const d of DIMENSIONS) {
      const own = Math.min(limit(pool.capacity, d), limit(pool.quotas, d));
      if (own === Infinity) continue;
      const used = Math.max(amount(pool.reserved, d), amount(pool.observed, d));
      const lendable = Math.min(limit(pool.lendingLimit, d), Math.max(0, own - used));
      const key = `${pool.cohort}/${d}`;
      slack.set(key, (slack.get(key) ?? 0) + lendable - Math.max(0, used - own));
    }
  }
  return slack;
}

function levelsOf(snapshot: SchedulingSnapshot): (jobId: string) => number {
  const ladder = classLadder(DEFAULT_CLASSES, []);
  const nowMs = Date.parse(snapshot.now);
  const aging = snapshot.policy.agingSeconds ?? DEFAULT_AGING_SECONDS;
  return (jobId) => {
    const job = snapshot.queue.pending[jobId];
    if (!job) throw new Error(`no pending job ${jobId}`);
    const base = ladder.levelOf(job.priority);
    return effectiveLevel(
      agingScore(base, (nowMs - Date.parse(job.enqueuedAt)) / 1000, aging),
      agingCeiling(base, ladder.top),
    );
  };
}

/** Whether a pending job is its source's longest-waiting past its aging bound, and so may hold a pool on an unknown start. */
function starvingOf(snapshot: SchedulingSnapshot): (jobId: string) => boolean {
  const ladder = classLadder(DEFAULT_CLASSES, []);
  const aging = snapshot.policy.agingSeconds ?? DEFAULT_AGING_SECONDS;
  const nowMs = Date.parse(snapshot.now);
  const scoreOf = (job: { priority: number; enqueuedAt: string }) =>
    agingScore(ladder.levelOf(job.priority), (nowMs - Date.parse(job.enqueuedAt)) / 1000, aging);
  const pastBound = (job: { priority: number; enqueuedAt: string }) =>
    (nowMs - Date.parse(job.enqueuedAt)) / 1000 >= agingBoundSeconds(ladder.levelOf(job.priority), ladder.top, aging);
  return (jobId) => {
    const job = snapshot.queue.pending[jobId];
    if (!job) throw new Error(`no pending job ${jobId}`);
    if (!pastBound(job)) return false;
    // Some other job of its source waited longer: that one is the source's starving job.
    return !Object.values(snapshot.queue.pending).some(
      (other) => other.jobId !== jobId && other.source === job.source && pastBound(other) && scoreOf(other) > scoreOf(job),
    );
  };
}

function fitsOnOwnLimit(pool: PoolState, used: ResourceVector, demand: ResourceVector): boolean {
  return DIMENSIONS.every(
    (d) =>
      amount(demand, d) === 0 ||
      amount(used, d) + amount(demand, d) <=
        Math.min(limit(pool.capacity, d), limit(pool.quotas, d)) + EPSILON,
  );
}

function inUse(pool: PoolState): ResourceVector {
  const out: ResourceVector = {};
  for (const d of DIMENSIONS) out[d] = Math.max(amount(pool.reserved, d), amount(pool.observed, d));
  return out;
}

function addTo(target: ResourceVector, v: ResourceVector, sign = 1): void {
  for (const d of DIMENSIONS) target[d] = amount(target, d) + sign * amount(v, d);
}

/** Copies a value with every object's keys in reverse order: decisions must not depend on key order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe('admission cycle properties', () => {
  it('never takes a pool past its quota or limit, as checked by the pool aggregate', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ cohorts: true }), (scenario) => {
        const snapshot = scenarioSnapshot(scenario);
        const result = admissionCycle(snapshot);
        const after = reserveThroughPoolAggregate(snapshot, result);
        // Cohort borrowing only ever draws on what members can lend.
        const before = cohortSlack(Object.values(snapshot.capacity.pools));
        for (const [key, slack] of cohortSlack(after.values())) {
          expect(slack, key).toBeGreaterThanOrEqual(Math.min(0, before.get(key) ?? 0) - 1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('admits each job at most once, only when it may run, and accounts for every queued job', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ cohorts: true }), (scenario) => {
        const snapshot = scenarioSnapshot(scenario);
        const result = admissionCycle(snapshot);
        const admitted = result.admissions.map((a) => a.jobId);
        expect(new Set(admitted).size).toBe(admitted.length);
        const seen = [
          ...admitted,
          ...result.pending.map((w) => w.jobId),
          ...result.cancellations.map((c) => c.jobId),
        ];
        expect([...seen].sort()).toEqual(Object.keys(snapshot.queue.pending).sort());
        for (const admission of result.admissions) {
          const job = snapshot.queue.pending[admission.jobId];
          expect(job).toBeDefined();
          if (!job) continue;
          expect(job.pools).toContain(admission.poolId);
          expect(admission.reservation).toEqual(job.demand);
          expect(admission.jobStreamVersion).toBe(job.streamVersion);
          expect(admission.poolStreamVersion).toBe(snapshot.capacity.pools[admission.poolId]?.streamVersion);
          expect(job.cancelRequested).toBe(false);
          expect(job.notBefore === undefined || Date.parse(job.notBefore) <= Date.parse(snapshot.now)).toBe(
            true,
          );
          for (const dependency of job.dependsOn ?? []) {
            const status = snapshot.dependencyStatus[dependency.jobId];
            expect(
              dependency.condition === 'afterSuccess'
                ? status === 'succeeded'
                : ['succeeded', 'failed', 'cancelled', 'timedOut'].includes(status ?? ''),
            ).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps concurrency caps, counting in-flight jobs', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ cohorts: false }), (scenario) => {
        const snapshot = scenarioSnapshot(scenario);
        const result = admissionCycle(snapshot);
        const caps: [
          Record<string, number> | undefined,
          (job: { source: string; dataset: string; jobName?: string }) => string | undefined,
        ][] = [
          [snapshot.policy.sourceCaps, (job) => job.source],
          [snapshot.policy.datasetCaps, (job) => job.dataset],
          [snapshot.policy.jobNameCaps, (job) => job.jobName],
        ];
        for (const [capOf, keyOf] of caps) {
          for (const [key, cap] of Object.entries(capOf ?? {})) {
            const inFlight = Object.values(snapshot.queue.inFlight).filter(
              (job) => keyOf(job) === key,
            ).length;
            const admitted = result.admissions.filter((a) => {
              const job = snapshot.queue.pending[a.jobId];
              return job !== undefined && keyOf(job) === key;
            }).length;
            expect(inFlight + admitted, key).toBeLessThanOrEqual(Math.max(cap, inFlight));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never lets a higher class wait for capacity a lower class took, except by a safe backfill or first-fit past an unknown start', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ cohorts: false }), (scenario) => {
        const snapshot = scenarioSnapshot(scenario);
        const result = admissionCycle(snapshot);
        const levelOf = levelsOf(snapshot);
        const starving = starvingOf(snapshot);
        const reservedJobs = new Set(result.reservations.map((r) => r.jobId));
        for (const waiting of result.pending) {
          if (waiting.code === 'behind-reservation') {
            // Held back only for a job of its own class or above that holds a reservation.
            expect(reservedJobs.has(waiting.reservedFor ?? '')).toBe(true);
            expect(levelOf(waiting.reservedFor ?? '')).toBeGreaterThanOrEqual(levelOf(waiting.jobId));
            continue;
          }
          if (waiting.code !== 'capacity' && waiting.code !== 'quota') continue;
          // A job with no reservation whose start nobody knows is passed first-fit until it starves.
          if (!reservedJobs.has(waiting.jobId) && !starving(waiting.jobId)) continue;
          // It fits nowhere even counting only the admissions of its own class and above:
          // nothing below it took its place.
          const level = levelOf(waiting.jobId);
          const job = snapshot.queue.pending[waiting.jobId];
          for (const poolId of job?.pools ?? []) {
            const pool = snapshot.capacity.pools[poolId];
            if (!pool?.registered || !job) continue;
            const used = inUse(pool);
            for (const a of result.admissions)
              if (a.poolId === poolId && levelOf(a.jobId) >= level) addTo(used, a.reservation);
            expect(fitsOnOwnLimit(pool, used, job.demand), `${waiting.jobId} fits ${poolId}`).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never delays a reservation with a known start by what it backfills', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ cohorts: false, recent: true }), (scenario) => {
        const snapshot = scenarioSnapshot(scenario);
        const result = admissionCycle(snapshot);
        const nowMs = Date.parse(snapshot.now);
        for (const reservation of result.reservations) {
          if (reservation.startsAt === undefined) continue;
          const startMs = Date.parse(reservation.startsAt);
          const pool = snapshot.capacity.pools[reservation.poolId];
          const job = snapshot.queue.pending[reservation.jobId];
          if (!pool || !job) throw new Error('reservation names an unknown pool or job');
          // What is in use on the pool at the reserved start: the snapshot's usage, less the
          // in-flight jobs due to end by then, plus this cycle's admissions still running then.
          const used = inUse(pool);
          for (const running of Object.values(snapshot.queue.inFlight)) {
            const planned = running.estimate?.seconds ?? estimateRun(running, snapshot.runs)?.seconds;
            if (running.poolId !== reservation.poolId || planned === undefined) continue;
            const endMs = Date.parse(running.startedAt ?? running.admittedAt) + planned * 1000;
            if (endMs <= startMs) addTo(used, running.reservation, -1);
          }
          for (const a of result.admissions) {
            const estimate = a.estimate?.seconds;
            if (
              a.poolId === reservation.poolId &&
              (estimate === undefined || nowMs + estimate * 1000 > startMs)
            )
              addTo(used, a.reservation);
          }
          expect(
            fitsOnOwnLimit(pool, used, job.demand),
            `${reservation.jobId} at ${reservation.startsAt}`,
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('decides the same for the same snapshot, whatever the key order of its records', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ cohorts: true }), (scenario) => {
        const snapshot = scenarioSnapshot(scenario);
        expect(admissionCycle(reversedKeys(snapshot))).toEqual(admissionCycle(snapshot));
      }),
      { numRuns: 100 },
    );
  });
});
