import { DIMENSIONS, limitOf, minLimits } from '@sluice/domain';
import { seededRandom } from '@sluice/scheduler';
import type { SimJob, SimPool, Workload } from '@sluice/scheduler';
import { syntheticDataLake } from './generateDataLake';

export interface SaturatedOptions {
  seed: number;
  jobs: number;
  /** Offered load asked of every pool, in its busiest dimension (1 = exactly its capacity). */
  load: number;
  /** Every job from one source: fair sharing has nothing to share, only ordering and packing count. */
  singleSource?: boolean;
  /** Multiplies every pool's capacity and quotas, as for the data-lake trace. */
  capacityScale?: number;
}

/** The source of every job in the single-source variant. */
export const SINGLE_SOURCE = 'data-lake';

// Arrival times come from a stream of their own, so they do not depend on how many jobs were drawn.
const ARRIVAL_STREAM = 0x5a7e;

/**
 * The data-lake job mix (sources, classes, demands, run times, estimates) under a steady load
 * instead of its daily waves: each pool gets the data-lake jobs bound to it, in their order, until
 * their work in the pool's busiest dimension is `load` times its limit over the span, and they
 * arrive at uniformly random instants over that span. The span is whatever makes the pools'
 * shares add up to the jobs asked for, so every pool is loaded alike whatever its size.
 */
export function saturatedDataLake(options: SaturatedOptions): Workload {
  for (let draw = 4; ; draw *= 2) {
    const base = syntheticDataLake({
      seed: options.seed,
      jobs: options.jobs * draw,
      ...(options.capacityScale !== undefined ? { capacityScale: options.capacityScale } : {}),
    });
    const chosen = jobsForLoad(base, options.jobs, options.load);
    if (chosen) return saturatedWorkload(base, chosen, options);
  }
}

interface PoolDraw {
  jobs: SimJob[];
  /** busy[n]: pool-seconds of the first n jobs in the pool's busiest dimension. */
  busy: number[];
}

/** Jobs per pool and the span that loads every pool to `load`; undefined when a pool runs out of jobs. */
function jobsForLoad(
  base: Workload,
  total: number,
  load: number,
): { perPool: SimJob[][]; spanSeconds: number } | undefined {
  const draws = base.pools.map((pool) => poolDraw(pool, base.jobs));
  // The fewest of a pool's jobs whose work comes closest to load × span.
  const countFor = (draw: PoolDraw, spanSeconds: number) => {
    const target = load * spanSeconds;
    let low = 0;
    let high = draw.busy.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (draw.busy[mid]! >= target) high = mid;
      else low = mid + 1;
    }
    if (low > 0 && target - draw.busy[low - 1]! < draw.busy[low]! - target) low -= 1;
    return low;
  };
  const used = draws.filter((draw) => draw.jobs.length > 0);
  let high = Math.min(...used.map((draw) => draw.busy[draw.busy.length - 1]!)) / load;
  const countsAt = (span: number) => used.map((draw) => countFor(draw, span));
  const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  if (sum(countsAt(high)) < total) return undefined;
  let low = 0;
  for (let i = 0; i < 100 && high - low > 1e-6; i++) {
    const mid = (low + high) / 2;
    if (sum(countsAt(mid)) >= total) high = mid;
    else low = mid;
  }
  const counts = countsAt(high);
  // Several pools may step at the same span: drop the jobs that overshoot their pool's load most.
  while (sum(counts) > total) {
    let worst = 0;
    let worstOver = -Infinity;
    used.forEach((draw, i) => {
      const over = draw.busy[counts[i]!]! / (load * high);
      if (counts[i]! > 0 && over > worstOver) [worst, worstOver] = [i, over];
    });
    counts[worst]! -= 1;
  }
  return { perPool: used.map((draw, i) => draw.jobs.slice(0, counts[i])), spanSeconds: high };
}

function poolDraw(pool: SimPool, jobs: readonly SimJob[]): PoolDraw {
  const limit = minLimits(pool.capacity, pool.quotas);
  const limited = DIMENSIONS.filter((d) => Number.isFinite(limitOf(limit, d)) && limitOf(limit, d) > 0);
  const mine = jobs.filter((job) => job.pools[0] === pool.poolId);
  const work = limited.map(() => 0);
  const busy = [0];
  for (const job of mine) {
    limited.forEach(
      (d, i) => (work[i] = work[i]! + ((job.demand[d] ?? 0) * job.duration) / limitOf(limit, d)),
    );
    busy.push(Math.max(0, ...work));
  }
  return { jobs: mine, busy };
}

function saturatedWorkload(
  base: Workload,
  chosen: { perPool: SimJob[][]; spanSeconds: number },
  options: SaturatedOptions,
): Workload {
  const random = seededRandom((options.seed ^ ARRIVAL_STREAM) >>> 0);
  const timed = chosen.perPool
    .flat()
    .map((job, order) => ({ job, order, arrival: Math.floor(random.next() * chosen.spanSeconds) }))
    .sort((a, b) => a.arrival - b.arrival || a.order - b.order);
  const jobs: SimJob[] = timed.map(({ job, arrival }, i) => ({
    ...job,
    jobId: `j${i + 1}`,
    arrival,
    ...(options.singleSource ? { source: SINGLE_SOURCE } : {}),
  }));
  return {
    name: `${options.singleSource ? 'saturated-single' : 'saturated'}:${options.load}:${options.seed}`,
    pools: base.pools,
    jobs,
    classes: base.classes,
    shares: options.singleSource ? {} : base.shares,
    skipped: {},
  };
}
