import { DEFAULT_CLASSES, DIMENSIONS, type Backend, type ResourceVector } from '@sluice/domain';
import { seededRandom, type SeededRandom, fitsSomePool } from '@sluice/scheduler';
import type { SimJob, SimPool, Workload } from '@sluice/scheduler';
import { ARRIVAL_KIND_MIX, SECONDS_PER_DAY, secondOfDay, type ArrivalKind } from './arrivalClock';
import {
  BACKENDS,
  CLASS_NAMES,
  DAYTIME_CLASS_MIX,
  ESTIMATE_MEDIAN_FACTOR,
  ESTIMATE_SIGMA,
  JOBS_PER_DAY,
  LEAN,
  NIGHTLY_CLASS_MIX,
  POOLS,
  SHARES,
  SOURCES,
  SOURCE_ZIPF_EXPONENT,
  type BackendProfile,
} from './dataLakeProfile';
import { zipfWeights } from './zipfWeights';

export interface SyntheticOptions {
  seed: number;
  jobs: number;
  /** Multiplies every pool's capacity and quotas (0.5 halves them). */
  capacityScale?: number;
}

export const SKIPPED_TOO_LARGE = 'larger than every pool it may run on';

interface SourceProfile {
  name: string;
  backendMix: number[];
  datasets: string[];
}

/**
 * A data-lake workload: Zipf-skewed source volumes, a Glue/EMR/Batch mix that differs per source,
 * a 02:00 nightly wave, hourly schedules and daytime ad hoc work, five priority classes, log-normal
 * run times and padded, noisy estimates. Everything is drawn from the seed, in a fixed order.
 */
export function syntheticDataLake(options: SyntheticOptions): Workload {
  const random = seededRandom(options.seed);
  const sources = SOURCES.map((source) => sourceProfile(source.name, source.leans, random));
  const sourceWeights = zipfWeights(sources.length, SOURCE_ZIPF_EXPONENT);
  const kinds = Object.keys(ARRIVAL_KIND_MIX) as ArrivalKind[];
  const kindWeights = kinds.map((k) => ARRIVAL_KIND_MIX[k]);
  const days = Math.max(1, Math.round(options.jobs / JOBS_PER_DAY));

  const drafts: Omit<SimJob, 'jobId'>[] = [];
  for (let i = 0; i < options.jobs; i++) {
    const source = sources[random.weightedIndex(sourceWeights)] as SourceProfile;
    const kind = kinds[random.weightedIndex(kindWeights)] as ArrivalKind;
    const day = random.int(0, days - 1);
    const arrival = day * SECONDS_PER_DAY + secondOfDay(kind, random);
    const priorityClass = CLASS_NAMES[
      random.weightedIndex(kind === 'nightly' ? NIGHTLY_CLASS_MIX : DAYTIME_CLASS_MIX)
    ] as string;
    const profile = BACKENDS[random.weightedIndex(source.backendMix)] as BackendProfile;
    const demand = profile.demands[random.weightedIndex(profile.demands.map((d) => d.weight))]?.demand ?? {};
    const duration = runSeconds(profile, random);
    const estimate =
      Math.ceil((duration * random.logNormal(ESTIMATE_MEDIAN_FACTOR, ESTIMATE_SIGMA)) / 60) * 60;
    const dataset = random.pick(source.datasets);
    drafts.push({
      arrival,
      duration,
      estimate,
      source: source.name,
      dataset,
      jobName: `${dataset}-${profile.backend}`,
      priorityClass,
      backend: profile.backend,
      demand: { ...demand },
      pools: [profile.poolId],
    });
  }

  const pools = POOLS.map((pool) => scalePool(pool, options.capacityScale ?? 1));
  const skipped: Record<string, number> = {};
  const jobs: SimJob[] = [];
  drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => a.draft.arrival - b.draft.arrival || a.order - b.order)
    .forEach(({ draft }) => {
      if (!fitsSomePool(draft.demand, draft.pools, pools)) {
        skipped[SKIPPED_TOO_LARGE] = (skipped[SKIPPED_TOO_LARGE] ?? 0) + 1;
        return;
      }
      jobs.push({ jobId: `j${jobs.length + 1}`, ...draft });
    });
  return {
    name: `synthetic:${options.seed}`,
    pools,
    jobs,
    classes: { ...DEFAULT_CLASSES },
    shares: { ...SHARES },
    skipped,
  };
}

function sourceProfile(name: string, leans: Backend, random: SeededRandom): SourceProfile {
  const backendMix = BACKENDS.map((b) => (1 - LEAN) * b.share + (b.backend === leans ? LEAN : 0));
  const datasets = Array.from({ length: random.int(2, 6) }, (_, i) => `${name}.ds${i + 1}`);
  return { name, backendMix, datasets };
}

function runSeconds(profile: BackendProfile, random: SeededRandom): number {
  const seconds = Math.round(random.logNormal(profile.medianSeconds, profile.sigma));
  return Math.min(profile.maxSeconds, Math.max(profile.minSeconds, seconds));
}

function scalePool(pool: SimPool, factor: number): SimPool {
  if (factor === 1) return pool;
  const scale = (vector: ResourceVector): ResourceVector => {
    const out: ResourceVector = {};
    for (const d of DIMENSIONS)
      if (vector[d] !== undefined) out[d] = Math.max(1, Math.floor((vector[d] ?? 0) * factor));
    return out;
  };
  return { ...pool, capacity: scale(pool.capacity), quotas: scale(pool.quotas) };
}
