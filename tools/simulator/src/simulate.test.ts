import { DIMENSIONS, allViews, minLimits, rebuild, type StoredEvent } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import type { SchedulingPolicy, Workload } from '@sluice/scheduler';
import { fifoPolicy } from './baselines/index';
import { comparedPolicies } from './comparedPolicies';
import { contendedSlice, fixtureWorkload } from './testing/workloads';
import { simulate, type SimulationRun } from '@sluice/scheduler';

/** Sweeps reservations over time, ends before starts at the same instant, and returns the worst excess over any limit. */
function worstExcess(run: SimulationRun): number {
  let worst = -Infinity;
  for (const pool of run.workload.pools) {
    const limit = minLimits(pool.capacity, pool.quotas);
    for (const d of DIMENSIONS) {
      const max = limit[d];
      if (max === undefined) continue;
      const changes: [number, number][] = [];
      run.workload.jobs.forEach((job, i) => {
        if (run.poolOf[i] !== pool.poolId) return;
        const amount = job.demand[d] ?? 0;
        changes.push([run.admittedAt[i]!, amount], [run.finishedAt[i]!, -amount]);
      });
      changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let held = 0;
      for (const [, delta] of changes) {
        held += delta;
        worst = Math.max(worst, held - max);
      }
    }
  }
  return worst;
}

const countByType = (events: StoredEvent[]) => {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
};

const workloads: [string, () => Workload][] = [
  ['the SWF fixture', fixtureWorkload],
  ['a contended synthetic slice', () => contendedSlice(3, 250)],
];

describe.each(workloads)('simulate on %s', (_, load) => {
  const workload = load();
  const runs = comparedPolicies().map((policy) => simulate(workload, policy, { keepEvents: true }));

  it.each(runs.map((run) => [run.policy, run] as const))(
    '%s never passes a pool limit at any instant',
    (_name, run) => {
      expect(run.refused).toEqual([]);
      expect(worstExcess(run)).toBeLessThanOrEqual(1e-9);
      for (const pool of run.occupancy) {
        for (const [d, peak] of Object.entries(pool.peak))
          expect(peak).toBeLessThanOrEqual((pool.limit[d as keyof typeof pool.limit] ?? Infinity) + 1e-9);
      }
    },
  );

  it.each(runs.map((run) => [run.policy, run] as const))(
    '%s admits and finishes every job, never before it arrives',
    (_name, run) => {
      expect(run.cancelled).toEqual([]);
      workload.jobs.forEach((job, i) => {
        expect(run.admittedAt[i]).toBeGreaterThanOrEqual(job.arrival);
        expect(run.finishedAt[i]).toBe(run.admittedAt[i]! + job.duration);
        expect(job.pools).toContain(run.poolOf[i]);
      });
      expect(new Set(run.admissionOrder).size).toBe(workload.jobs.length);
    },
  );

  it.each(runs.map((run) => [run.policy, run] as const))(
    '%s records the lifecycle as domain events and ends with empty views',
    (_name, run) => {
      const n = workload.jobs.length;
      expect(countByType(run.events ?? [])).toEqual({
        PoolRegistered: workload.pools.length,
        SharePolicySet: 1,
        JobSubmitted: n,
        JobAdmitted: n,
        CapacityReserved: n,
        JobStarted: n,
        JobSucceeded: n,
        CapacityReleased: n,
      });
      expect(run.views?.queue.pending).toEqual({});
      expect(run.views?.queue.inFlight).toEqual({});
      for (const pool of Object.values(run.views?.capacity.pools ?? {}))
        expect(pool.reservations).toEqual({});
    },
  );

  it('fifo admits strictly in arrival order', () => {
    const fifo = runs.find((run) => run.policy === 'fifo')!;
    expect(fifo.admissionOrder).toEqual(workload.jobs.map((_job, i) => i));
  });

  it('evolves the views incrementally to exactly what a rebuild from the first event gives', () => {
    const run = runs.find((r) => r.policy === 'sluice')!;
    expect(rebuild(allViews(), run.events ?? [])).toEqual(run.views);
  });
});

describe('simulate', () => {
  it('runs a cycle only when jobs arrive or end, or on the safety tick while jobs wait', () => {
    const workload = contendedSlice(1, 120);
    const cycleTimes: number[] = [];
    const recording: SchedulingPolicy = {
      name: 'recording-fifo',
      cycle(snapshot) {
        cycleTimes.push((Date.parse(snapshot.now) - Date.parse('2026-01-01T00:00:00Z')) / 1000);
        return fifoPolicy.cycle(snapshot);
      },
    };
    const run = simulate(workload, recording, { safetyTickSeconds: 300 });
    const wakes = new Set([...workload.jobs.map((j) => j.arrival), ...run.finishedAt]);
    cycleTimes.forEach((t, i) => {
      if (!wakes.has(t)) expect(t - cycleTimes[i - 1]!).toBe(300);
    });
    expect(new Set(cycleTimes).size).toBe(cycleTimes.length);
    expect(run.cycles).toBe(cycleTimes.length);
  });

  it('has the pool aggregate refuse admissions past a limit, so even a reckless policy never oversubscribes', () => {
    const workload = contendedSlice(2, 150);
    const reckless: SchedulingPolicy = {
      name: 'admit-everything',
      cycle: (snapshot) => ({
        admissions: Object.values(snapshot.queue.pending).map((job) => ({
          jobId: job.jobId,
          poolId: job.pools[0]!,
          reservation: job.demand,
          reason: 'reckless',
          jobStreamVersion: job.streamVersion,
          poolStreamVersion: 0,
        })),
        pending: [],
        cancellations: [],
      }),
    };
    const run = simulate(workload, reckless);
    expect(run.refused.length).toBeGreaterThan(0);
    expect(run.refused[0]?.reason).toMatch(/quota|limit|exceed/i);
    expect(worstExcess(run)).toBeLessThanOrEqual(1e-9);
    expect(run.finishedAt.every((t) => !Number.isNaN(t))).toBe(true);
  });

  it('refuses an admission that reserves less than the job needs or picks a pool the job does not list', () => {
    const workload = contendedSlice(2, 20);
    let tried = false;
    const cheat: SchedulingPolicy = {
      name: 'cheat',
      cycle(snapshot) {
        const job = Object.values(snapshot.queue.pending)[0];
        if (!job || tried) return fifoPolicy.cycle(snapshot);
        tried = true;
        const base = {
          jobId: job.jobId,
          reason: 'cheat',
          jobStreamVersion: job.streamVersion,
          poolStreamVersion: 0,
        };
        return {
          admissions: [
            { ...base, poolId: job.pools[0]!, reservation: {} },
            { ...base, poolId: 'nowhere', reservation: job.demand },
          ],
          pending: [],
          cancellations: [],
        };
      },
    };
    const run = simulate(workload, cheat);
    expect(run.refused.map((r) => r.reason)).toEqual([
      expect.stringMatching(/reserves less/),
      expect.stringMatching(/unknown/),
    ]);
    expect(run.finishedAt.every((t) => !Number.isNaN(t))).toBe(true);
  });

  it('stops when nothing runs, nothing arrives and the policy admits nothing more, reporting what is left', () => {
    const workload = contendedSlice(1, 30);
    const cycleTimes: number[] = [];
    const idle: SchedulingPolicy = {
      name: 'idle',
      cycle(snapshot) {
        cycleTimes.push((Date.parse(snapshot.now) - Date.parse('2026-01-01T00:00:00Z')) / 1000);
        return { admissions: [], pending: [], cancellations: [] };
      },
    };
    const run = simulate(workload, idle, { safetyTickSeconds: 300 });
    expect(run.admissionOrder).toEqual([]);
    const lastArrival = workload.jobs[workload.jobs.length - 1]!.arrival;
    expect(cycleTimes.filter((t) => t > lastArrival)).toEqual([lastArrival + 300, lastArrival + 600]);
  });

  it('gives the same result for the same workload and policy', () => {
    const workload = contendedSlice(4, 120);
    const strip = (run: SimulationRun) => ({ ...run, workload: undefined });
    const [policy] = comparedPolicies().slice(-1);
    expect(strip(simulate(workload, policy!))).toEqual(strip(simulate(workload, policy!)));
  });
});
