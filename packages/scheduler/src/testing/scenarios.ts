import fc from 'fast-check';
import { DEFAULT_CLASSES, type ResourceVector } from '../policy/domain';
import type { SchedulingSnapshot } from '../policy/snapshot';
import { snapshotBuilder } from './snapshotBuilder';

/*
 * Random but valid scheduling situations for property tests, built through real events: pools
 * (some in a cohort), jobs in every state, retries, dependencies, caps, weights and aging.
 */

type JobState =
  'pending' | 'inFlight' | 'succeeded' | 'cancelled' | 'timedOut' | 'cancelRequested' | 'retrying';

export interface ScenarioPool {
  poolId: string;
  capacity: ResourceVector;
  quotas: ResourceVector;
  cohort?: string;
  lendingLimit?: ResourceVector;
  observed?: ResourceVector;
  lowerQuotas?: ResourceVector;
}

export interface ScenarioJob {
  jobId: string;
  source: string;
  dataset: string;
  priorityClass: string;
  demand: ResourceVector;
  pools: string[];
  estimateSeconds?: number;
  jobName?: string;
  dependsOn: { index: number; condition: 'afterSuccess' | 'afterAny' }[];
  submittedSecondsAgo: number;
  state: JobState;
  startsOn: number;
}

export interface Scenario {
  pools: ScenarioPool[];
  jobs: ScenarioJob[];
  policy: {
    weights: Record<string, number>;
    agingSeconds?: number;
    sourceCaps?: Record<string, number>;
    datasetCaps?: Record<string, number>;
    jobNameCaps?: Record<string, number>;
  };
}

const SOURCES = ['etl', 'ml', 'adhoc'];
const POOL_IDS = ['pool-a', 'pool-b', 'pool-c', 'pool-d'];
const CLASS_NAMES = Object.keys(DEFAULT_CLASSES);

const limits = fc.record(
  {
    runs: fc.integer({ min: 1, max: 6 }),
    dpu: fc.integer({ min: 1, max: 16 }),
    gpu: fc.integer({ min: 0, max: 4 }),
    vcpu: fc.integer({ min: 2, max: 32 }),
  },
  { requiredKeys: [] },
);

const lendingLimits = fc.record(
  {
    runs: fc.integer({ min: 0, max: 2 }),
    dpu: fc.integer({ min: 0, max: 4 }),
    gpu: fc.integer({ min: 0, max: 1 }),
    vcpu: fc.integer({ min: 0, max: 8 }),
  },
  { requiredKeys: [] },
);

const demand = fc.record(
  {
    runs: fc.constantFrom(0, 1, 1, 1, 2),
    dpu: fc.integer({ min: 0, max: 64 }).map((sixteenths) => sixteenths / 16),
    gpu: fc.integer({ min: 0, max: 2 }),
    vcpu: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: [] },
);

function poolArbitrary(poolId: string, cohorts: boolean): fc.Arbitrary<ScenarioPool> {
  return fc
    .record({
      capacity: limits,
      quotas: fc.oneof(fc.constant({}), limits),
      inCohort: cohorts ? fc.constantFrom(true, true, true, false) : fc.constant(false),
      lendingLimit: fc.option(lendingLimits, { freq: 2, nil: undefined }),
      observed: fc.option(demand, { freq: 2, nil: undefined }),
      lowerQuotas: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 4 },
        { arbitrary: limits, weight: 1 },
      ),
    })
    .map(({ inCohort, lendingLimit, observed, lowerQuotas, ...rest }) => ({
      poolId,
      ...rest,
      ...(inCohort ? { cohort: 'shared', ...(lendingLimit ? { lendingLimit } : {}) } : {}),
      ...(observed ? { observed } : {}),
      ...(lowerQuotas ? { lowerQuotas } : {}),
    }));
}

/** `recent` packs the jobs into the last few minutes with estimates, so reserved starts are known and later than now. */
function jobArbitrary(index: number, poolCount: number, recent: boolean): fc.Arbitrary<ScenarioJob> {
  return fc.record({
    jobId: fc.constant(`job-${index}`),
    source: fc.constantFrom(...SOURCES),
    dataset: fc.constantFrom('sales', 'hr'),
    priorityClass: fc.constantFrom(...CLASS_NAMES),
    demand,
    pools: fc.uniqueArray(fc.constantFrom(...POOL_IDS.slice(0, poolCount), 'pool-unknown'), {
      minLength: 1,
      maxLength: 3,
    }),
    estimateSeconds: fc.option(fc.constantFrom(60, 300, 900, 1800, 3600, 7200), {
      freq: recent ? 8 : 3,
      nil: undefined,
    }),
    jobName: fc.option(fc.constantFrom('nightly', 'hourly'), { nil: undefined }),
    dependsOn: fc.array(
      fc.record({
        index: fc.nat({ max: 40 }),
        condition: fc.constantFrom('afterSuccess' as const, 'afterAny' as const),
      }),
      {
        maxLength: index % 4 === 3 ? 2 : 0,
      },
    ),
    submittedSecondsAgo: recent
      ? fc.integer({ min: 0, max: 240 })
      : fc.oneof(fc.integer({ min: 0, max: 1800 }), fc.integer({ min: 0, max: 4 * 3600 })),
    state: fc.constantFrom<JobState>(
      'pending',
      'pending',
      'pending',
      'inFlight',
      'inFlight',
      'succeeded',
      'cancelled',
      'timedOut',
      'cancelRequested',
      'retrying',
    ),
    startsOn: fc.nat({ max: 3 }),
  });
}

export function scenarioArbitrary(options: {
  cohorts: boolean;
  recent?: boolean;
  maxJobs?: number;
}): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 1, max: 4 }).chain((poolCount) =>
    fc.record({
      pools: fc.tuple(...POOL_IDS.slice(0, poolCount).map((id) => poolArbitrary(id, options.cohorts))),
      jobs: fc
        .integer({ min: 0, max: options.maxJobs ?? 30 })
        .chain((count) =>
          fc.tuple(
            ...Array.from({ length: count }, (_, i) => jobArbitrary(i, poolCount, options.recent ?? false)),
          ),
        ),
      policy: fc.record(
        {
          weights: fc.record({ etl: fc.integer({ min: 1, max: 4 }), ml: fc.integer({ min: 1, max: 4 }) }),
          agingSeconds: fc.integer({ min: 60, max: 7200 }),
          sourceCaps: fc.record({ adhoc: fc.integer({ min: 0, max: 4 }) }),
          datasetCaps: fc.record({ hr: fc.integer({ min: 0, max: 6 }) }),
          jobNameCaps: fc.record({ nightly: fc.integer({ min: 0, max: 3 }) }),
        },
        { requiredKeys: ['weights'] },
      ),
    }),
  );
}

const NOW_MS = Date.parse('2026-01-02T00:00:00.000Z');

/** The snapshot a scheduler would take of the scenario at its `now`, through real events and views. */
export function scenarioSnapshot(scenario: Scenario): SchedulingSnapshot {
  const b = snapshotBuilder({ start: new Date(NOW_MS - 5 * 3600_000).toISOString(), stepMs: 1 });
  b.policy({
    shares: scenario.policy.weights,
    ...(scenario.policy.agingSeconds !== undefined ? { agingSeconds: scenario.policy.agingSeconds } : {}),
    ...(scenario.policy.sourceCaps ? { sourceCaps: scenario.policy.sourceCaps } : {}),
    ...(scenario.policy.datasetCaps ? { datasetCaps: scenario.policy.datasetCaps } : {}),
    ...(scenario.policy.jobNameCaps ? { jobNameCaps: scenario.policy.jobNameCaps } : {}),
  });
  const reserved = new Map<string, ResourceVector>();
  for (const pool of scenario.pools) {
    const { observed: _o, lowerQuotas: _l, ...registration } = pool;
    b.pool(pool.poolId, { backend: 'glue', ...registration });
    reserved.set(pool.poolId, {});
  }
  const known = new Set(scenario.pools.map((p) => p.poolId));
  const ordered = [...scenario.jobs].sort(
    (x, y) => y.submittedSecondsAgo - x.submittedSecondsAgo || (x.jobId < y.jobId ? -1 : 1),
  );
  const indexOf = new Map(scenario.jobs.map((job, i) => [i, job.jobId]));
  for (const job of ordered) {
    b.at(new Date(NOW_MS - job.submittedSecondsAgo * 1000).toISOString());
    const ownIndex = Number(job.jobId.slice(4));
    const dependsOn = job.dependsOn
      .filter((d) => d.index < ownIndex)
      .map((d) => ({ jobId: indexOf.get(d.index) ?? job.jobId, condition: d.condition }))
      .filter((d, i, all) => all.findIndex((o) => o.jobId === d.jobId) === i);
    b.submit(job.jobId, {
      source: job.source,
      dataset: job.dataset,
      priorityClass: job.priorityClass,
      priority: DEFAULT_CLASSES[job.priorityClass] ?? 0,
      demand: job.demand,
      pools: job.pools,
      maxAttempts: 3,
      ...(job.estimateSeconds !== undefined ? { estimateSeconds: job.estimateSeconds } : {}),
      ...(job.jobName !== undefined ? { jobName: job.jobName } : {}),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });
    if (job.state === 'pending') continue;
    if (job.state === 'cancelRequested') {
      b.cancelRequested(job.jobId);
      continue;
    }
    const poolId = job.pools.filter((p) => known.has(p))[job.startsOn % job.pools.length];
    const pool = scenario.pools.find((p) => p.poolId === poolId);
    if (!pool || !poolId || !fitsOwnLimit(reserved.get(poolId) ?? {}, job.demand, pool)) continue;
    reserved.set(poolId, add(reserved.get(poolId) ?? {}, job.demand));
    b.admit(job.jobId, poolId).start(job.jobId);
    if (job.state === 'inFlight') continue;
    reserved.set(poolId, subtract(reserved.get(poolId) ?? {}, job.demand));
    if (job.state === 'retrying')
      b.fail(job.jobId, new Date(NOW_MS + (job.startsOn - 1) * 600_000).toISOString());
    else b.finish(job.jobId, job.state);
  }
  b.at(new Date(NOW_MS - 1000).toISOString());
  for (const pool of scenario.pools) {
    if (pool.observed) b.report(pool.poolId, pool.observed);
    if (pool.lowerQuotas) b.quota(pool.poolId, pool.lowerQuotas);
  }
  return b.snapshot(new Date(NOW_MS).toISOString());
}

const DIMS = ['runs', 'dpu', 'gpu', 'vcpu', 'memoryMiB', 'ips'] as const;

function fitsOwnLimit(used: ResourceVector, demandVector: ResourceVector, pool: ScenarioPool): boolean {
  return DIMS.every((d) => {
    const limit = Math.min(pool.capacity[d] ?? Infinity, pool.quotas[d] ?? Infinity);
    return (demandVector[d] ?? 0) === 0 || (used[d] ?? 0) + (demandVector[d] ?? 0) <= limit;
  });
}

function add(a: ResourceVector, b: ResourceVector): ResourceVector {
  const out: ResourceVector = { ...a };
  for (const d of DIMS) if (b[d] !== undefined) out[d] = (a[d] ?? 0) + (b[d] ?? 0);
  return out;
}

function subtract(a: ResourceVector, b: ResourceVector): ResourceVector {
  const out: ResourceVector = { ...a };
  for (const d of DIMS) if (b[d] !== undefined) out[d] = Math.max(0, (a[d] ?? 0) - (b[d] ?? 0));
  return out;
}
