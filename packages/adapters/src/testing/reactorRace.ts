import {
  DIMENSIONS,
  amountOf,
  evolvePool,
  initialPoolState,
  limitOf,
  poolLimit,
  type EventStore,
  type SluiceEvent,
  type StoredEvent,
  allViews,
  jobStreamId,
  poolStreamId,
  sequentialEventIds,
} from '@sluice/domain';
import {
  ProjectionRunner,
  SchedulerReactor,
  handlePoolCommand,
  toNewEvents,
  type CommandContext,
  submitJobs,
  type SchedulingPolicy,
} from '@sluice/scheduler';
import { readEverything } from '@sluice/domain/testing/eventStoreContract';

export interface RaceOptions {
  jobs: number;
  reactors: number;
  policy: SchedulingPolicy;
  /** Jobs per submission append (DynamoDB's transaction limit caps it lower than SQLite's). */
  submitBatch: number;
}

export interface RaceResult {
  admissions: number;
  doubleAdmissions: number;
  quotaBreaches: string[];
  notAdmitted: number;
  leftReserved: number;
  conflictsReplanned: number;
  seconds: number;
}

const POOLS = [
  {
    poolId: 'glue-a',
    backend: 'glue' as const,
    capacity: { runs: 40, dpu: 200 },
    quotas: { runs: 40, dpu: 200 },
  },
  { poolId: 'glue-b', backend: 'glue' as const, capacity: { runs: 30, dpu: 120 }, quotas: { runs: 25 } },
  { poolId: 'emr', backend: 'emr' as const, capacity: { vcpu: 400 }, quotas: { vcpu: 400 } },
];

/**
 * Several schedulers, each with its own views, race to admit the same queue on one store while a
 * runner finishes admitted jobs. Then the whole history is checked: no pool ever passed a limit,
 * no job was admitted twice, every job got in, and every reservation was freed.
 */
export async function raceReactors(store: EventStore, options: RaceOptions): Promise<RaceResult> {
  const started = performance.now();
  const nextId = sequentialEventIds(Date.UTC(2026, 0, 1));
  let clockMs = Date.UTC(2026, 0, 1);
  const clock = () => new Date(clockMs);
  const ctx = (actor: string) => ({ now: clock().toISOString(), actor, newEventId: nextId });

  for (const pool of POOLS)
    await handlePoolCommand(store, pool.poolId, { type: 'RegisterPool', data: pool }, ctx('setup'));
  const jobs = Array.from({ length: options.jobs }, (_, i) => {
    const kind = i % 3;
    return {
      jobId: `j${i}`,
      source: `s${i % 4}`,
      dataset: `d${i % 7}`,
      priorityClass: ['high', 'normal', 'low'][i % 3]!,
      priority: [500, 100, 50][i % 3]!,
      demand: kind === 2 ? { vcpu: 8 + (i % 5) * 8 } : { runs: 1, dpu: 2 + (i % 4) },
      backend: kind === 2 ? ('emr' as const) : ('glue' as const),
      spec: {},
      pools: kind === 2 ? ['emr'] : ['glue-a', 'glue-b'],
      estimateSeconds: 60,
    };
  });
  for (let i = 0; i < jobs.length; i += options.submitBatch) {
    await submitJobs(store, jobs.slice(i, i + options.submitBatch), ctx('pipeline'));
  }

  let admittedSeen = 0;
  let done = false;
  let replans = 0;
  const reactors = await Promise.all(
    Array.from({ length: options.reactors }, async (_, r) => {
      const views = await ProjectionRunner.start(store, allViews(), { pageSize: 2000 });
      return new SchedulerReactor({
        store,
        policy: options.policy,
        views,
        instanceId: `sched-${r}`,
        clock,
        newEventId: nextId,
        onCycle: (report) => (replans += report.replans),
      });
    }),
  );

  // The job runner: starts and finishes every admitted job, which frees capacity for the next ones.
  const runner = (async () => {
    let after = 0;
    while (!done) {
      const page = await store.readAll({ after, limit: 500 });
      after = page.lastPosition;
      const admitted = page.events.filter((e) => e.type === 'JobAdmitted');
      // Runs finish in parallel, as independent backend runs do; each is one append of its own.
      for (let i = 0; i < admitted.length; i += 16) {
        await Promise.all(
          admitted.slice(i, i + 16).map((event) => runToCompletion(store, event, ctx('runner'))),
        );
        clockMs += 1000;
      }
      admittedSeen += admitted.length;
      if (admittedSeen >= options.jobs) done = true;
      if (page.events.length === 0) await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const schedulers = reactors.map(async (reactor) => {
    while (!done) {
      const report = await reactor.runCycle();
      // Cycles run after a short pause, as the reactor coalesces a burst of events into one cycle.
      await new Promise((r) => setTimeout(r, report.admitted.length === 0 ? 10 : 25));
    }
  });
  await Promise.all([runner, ...schedulers]);
  return {
    ...(await audit(store, options.jobs)),
    conflictsReplanned: replans,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Starts and finishes a job in one append (its stream plus the pool's release), as a fast runner
 * would. The admission event says everything needed, so nothing is read first.
 */
async function runToCompletion(store: EventStore, admitted: StoredEvent, ctx: CommandContext): Promise<void> {
  if (admitted.type !== 'JobAdmitted') return;
  const { jobId, poolId, reservation } = admitted.data;
  const runId = `run-${jobId}`;
  await store.appendAtomically([
    {
      streamId: jobStreamId(jobId),
      expectedVersion: admitted.version,
      events: toNewEvents(
        [
          { type: 'JobStarted', data: { jobId, runId } },
          { type: 'JobSucceeded', data: { jobId, runId } },
        ],
        ctx,
      ),
    },
    {
      streamId: poolStreamId(poolId),
      expectedVersion: 'any',
      events: toNewEvents(
        [{ type: 'CapacityReleased', data: { poolId, jobId, demand: reservation, reason: 'succeeded' } }],
        ctx,
      ),
    },
  ]);
}

async function audit(
  store: EventStore,
  jobs: number,
): Promise<Omit<RaceResult, 'conflictsReplanned' | 'seconds'>> {
  const events = await readEverything(store, 5000);
  const admittedCount = new Map<string, number>();
  const pools = new Map(POOLS.map((p) => [p.poolId, initialPoolState(p.poolId)]));
  const quotaBreaches: string[] = [];
  for (const event of events) {
    if (event.type === 'JobAdmitted')
      admittedCount.set(event.data.jobId, (admittedCount.get(event.data.jobId) ?? 0) + 1);
    if (!event.streamId.startsWith('pool-')) continue;
    const poolId = (event.data as { poolId: string }).poolId;
    const next = evolvePool(pools.get(poolId)!, event as SluiceEvent);
    pools.set(poolId, next);
    const limit = poolLimit(next);
    const over = DIMENSIONS.find((d) => amountOf(next.reserved, d) > limitOf(limit, d) + 1e-9);
    if (over) quotaBreaches.push(`${poolId} at position ${event.position}: ${JSON.stringify(next.reserved)}`);
  }
  let leftReserved = 0;
  for (const pool of pools.values()) leftReserved += Object.keys(pool.reservations).length;
  return {
    admissions: [...admittedCount.values()].reduce((a, b) => a + b, 0),
    doubleAdmissions: [...admittedCount.values()].filter((n) => n > 1).length,
    quotaBreaches,
    notAdmitted: jobs - admittedCount.size,
    leftReserved,
  };
}
