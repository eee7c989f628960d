import { performance } from 'node:perf_hooks';
import { allViews, orderedQueue, type StoredEvent, type Views } from '@sluice/domain';
import { eventLog } from '@sluice/domain/testing';
import {
  createSluicePolicy,
  snapshotOf,
  trackPendingIndex,
  type SchedulingPolicy,
  type SchedulingSnapshot,
} from '@sluice/scheduler';
import { fifoPolicy } from '@sluice/simulator';

/** A saturated log: `pools` full pools and the rest of `jobs` queued, from 50 sources in 5 classes. */
function saturatedLog(jobs: number, pools: number): { events: StoredEvent[]; now: string } {
  const log = eventLog();
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
  let id = 0;
  const ev = (type: string, data: unknown, s: number) =>
    ({
      eventId: `01J${String(++id).padStart(23, '0')}`,
      type,
      data,
      occurredAt: at(s),
      actor: 'bench',
    }) as never;
  for (let p = 0; p < pools; p++) {
    log.record(
      `pool-p${p}`,
      [
        ev(
          'PoolRegistered',
          { poolId: `p${p}`, backend: 'glue', capacity: { runs: 50, dpu: 500 }, quotas: { runs: 50 } },
          0,
        ),
      ],
      at(0),
    );
  }
  const classes: [string, number][] = [
    ['critical', 1000],
    ['high', 500],
    ['normal', 100],
    ['low', 50],
    ['backfill', 10],
  ];
  for (let j = 0; j < jobs; j++) {
    const [priorityClass, priority] = classes[j % 5]!;
    const first = j % pools;
    const data = {
      jobId: `j${j}`,
      source: `s${j % 50}`,
      dataset: `d${j % 200}`,
      priorityClass,
      priority,
      demand: { runs: 1, dpu: 2 + (j % 20) },
      backend: 'glue',
      spec: {},
      pools: [`p${first}`, `p${(first + 1) % pools}`, `p${(first + 7) % pools}`],
      estimateSeconds: 600,
    };
    log.record(`job-j${j}`, [ev('JobSubmitted', data, 1 + Math.floor(j / 100))], at(1 + Math.floor(j / 100)));
  }
  // Saturate: the first 50 jobs of each pool hold its 50 runs, so the cycle decides over a full cluster.
  for (let j = 0; j < Math.min(jobs, pools * 50); j++) {
    const poolId = `p${j % pools}`;
    const demand = { runs: 1, dpu: 2 + (j % 20) };
    const s = 2000 + Math.floor(j / 100);
    log.record(
      `job-j${j}`,
      [ev('JobAdmitted', { jobId: `j${j}`, poolId, reservation: demand, reason: 'bench' }, s)],
      at(s),
    );
    log.record(`pool-${poolId}`, [ev('CapacityReserved', { poolId, jobId: `j${j}`, demand }, s)], at(s));
  }
  return { events: log.events as StoredEvent[], now: at(3600) };
}

/**
 * The log folded into views the way the runtime keeps them: with the pending index told of each
 * event (built when the first job arrives), so its upkeep is paid event by event, as live.
 */
function foldWithIndex(events: readonly StoredEvent[]) {
  const indexing = trackPendingIndex(allViews());
  let views: Views = indexing.projection.initialState();
  const index = indexing.indexOf(views);
  index.buckets();
  const start = performance.now();
  for (const event of events) views = indexing.projection.evolve(views, event);
  return { views, index, foldMs: performance.now() - start };
}

function foldPlain(events: readonly StoredEvent[]) {
  const projection = allViews();
  let views: Views = projection.initialState();
  const start = performance.now();
  for (const event of events) views = projection.evolve(views, event);
  return performance.now() - start;
}

function timeCycles(policy: SchedulingPolicy, snapshot: SchedulingSnapshot, runs: number) {
  const times: number[] = [];
  let admitted = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    admitted = policy.cycle(snapshot).admissions.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]!, admitted };
}

/** Cycle time of Sluice's policy on a large queue, against a plain queue sort and FIFO on the same snapshot. */
export async function benchSchedulerCycle(jobs: number, pools: number, runs: number): Promise<void> {
  const built = performance.now();
  const log = saturatedLog(jobs, pools);
  const plainFoldMs = foldPlain(log.events);
  const { views, index, foldMs } = foldWithIndex(log.events);
  const indexed = snapshotOf(views, log.now, index);
  const snapshot = snapshotOf(views, log.now);
  console.log(
    `\nSnapshot: ${Object.keys(snapshot.queue.pending).length.toLocaleString('en-US')} queued jobs x ${pools} full pools (built in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
  );
  const perEvent = (ms: number) => ((ms * 1000) / log.events.length).toFixed(2);
  console.log(
    `Folding ${log.events.length.toLocaleString('en-US')} events: ${perEvent(plainFoldMs)} µs/event without the pending index, ${perEvent(foldMs)} µs/event keeping it`,
  );
  const sortOnly: SchedulingPolicy = {
    name: 'sort',
    cycle: (s) =>
      ({ admissions: [], waiting: [], cancellations: [], sorted: orderedQueue(s.queue) }) as never,
  };
  const rows = [
    ['queue sort only (baseline)', timeCycles(sortOnly, snapshot, runs)],
    ['fifo (first-fit, head-of-line)', timeCycles(fifoPolicy, snapshot, runs)],
    ['sluice, reasons for first 200', timeCycles(createSluicePolicy({ maxReasons: 200 }), indexed, runs)],
    [
      'sluice, first 200, no kept index',
      timeCycles(createSluicePolicy({ maxReasons: 200 }), snapshot, runs),
    ],
    [
      'sluice, reasons for every job',
      timeCycles(createSluicePolicy(), indexed, Math.max(1, Math.floor(runs / 2))),
    ],
  ] as const;
  const base = rows[0][1].median;
  console.log('what                              median ms  best ms  admitted  vs baseline');
  for (const [label, r] of rows) {
    console.log(
      `${label.padEnd(34)}${r.median.toFixed(1).padStart(9)}  ${r.best.toFixed(1).padStart(7)}  ${String(r.admitted).padStart(8)}  ${(r.median / base).toFixed(2)}x`,
    );
  }
}
