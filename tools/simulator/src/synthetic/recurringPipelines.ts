import { DEFAULT_CLASSES } from '@sluice/domain';
import { seededRandom, type SeededRandom } from '@sluice/scheduler';
import type { SimJob, SimPool, Workload } from '@sluice/scheduler';
import { SECONDS_PER_DAY } from './arrivalClock';

export interface PipelinesOptions {
  seed: number;
  jobs: number;
}

/** The one shared cluster every pipeline and every ad hoc job runs on. */
export const PIPELINES_POOL: SimPool = {
  poolId: 'spark-shared',
  backend: 'emr',
  capacity: { vcpu: 512 },
  quotas: {},
};

const PIPELINE_SOURCES = ['finance', 'orders', 'clickstream', 'billing', 'inventory', 'marketing'];
/** The source that floods the cluster with wide ad hoc work during the working day. */
export const FLOODING_SOURCE = 'data-science';
const HOUR = 3600;

interface Pipeline {
  source: string;
  jobName: string;
  priorityClass: string;
  vcpu: number;
  seconds: number;
  /** Seconds of the day it runs at; hourly pipelines run at this minute of every hour. */
  offset: number;
  hourly: boolean;
}

/**
 * Recurring data-lake pipelines with a noisy neighbour: six sources each run two daily pipelines
 * (one critical, one high) and three hourly ones (high, normal, normal), the same job every time
 * with a run time that varies by about 10 %; a seventh source submits wide ad hoc jobs (64-320
 * vCPU, 20 min to 3 h, class low) in bursts through the working day, pushing the offered load
 * well above the cluster's 512 vCPU at the peaks. No job carries an estimate, as in most logs:
 * only history can tell how long a pipeline runs.
 */
export function recurringPipelines(options: PipelinesOptions): Workload {
  const random = seededRandom(options.seed);
  const pipelines = PIPELINE_SOURCES.flatMap((source) => pipelinesOf(source, random));
  const drafts: Omit<SimJob, 'jobId'>[] = [];
  for (let day = 0; drafts.length < options.jobs * 1.2; day++) {
    const dayStart = day * SECONDS_PER_DAY;
    for (const pipeline of pipelines) {
      const runs = pipeline.hourly ? Array.from({ length: 24 }, (_, h) => h * HOUR) : [0];
      for (const at of runs) drafts.push(runOf(pipeline, dayStart + pipeline.offset + at, random));
    }
    drafts.push(...floodOf(dayStart, random));
  }
  const jobs = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((a, b) => a.draft.arrival - b.draft.arrival || a.order - b.order)
    .slice(0, options.jobs)
    .map(({ draft }, i) => ({ jobId: `p${i + 1}`, ...draft }));
  return {
    name: `pipelines:${options.seed}`,
    pools: [PIPELINES_POOL],
    jobs,
    classes: { ...DEFAULT_CLASSES },
    shares: {},
    skipped: {},
  };
}

function pipelinesOf(source: string, random: SeededRandom): Pipeline[] {
  const daily = (name: string, priorityClass: string): Pipeline => ({
    source,
    jobName: `${source}-${name}`,
    priorityClass,
    vcpu: 8 * random.int(2, 8),
    seconds: random.int(15, 90) * 60,
    offset: random.int(1, 6) * HOUR + random.int(0, 59) * 60,
    hourly: false,
  });
  const hourly = (name: string, priorityClass: string): Pipeline => ({
    source,
    jobName: `${source}-${name}`,
    priorityClass,
    vcpu: 4 * random.int(1, 6),
    seconds: random.int(3, 20) * 60,
    offset: random.int(0, 59) * 60,
    hourly: true,
  });
  return [
    daily('daily-close', 'critical'),
    daily('daily-rollup', 'high'),
    hourly('hourly-ingest', 'high'),
    hourly('hourly-dedupe', 'normal'),
    hourly('hourly-export', 'normal'),
  ];
}

function runOf(pipeline: Pipeline, arrival: number, random: SeededRandom): Omit<SimJob, 'jobId'> {
  return {
    arrival: arrival + random.int(0, 120),
    duration: Math.max(60, Math.round(pipeline.seconds * (0.9 + 0.2 * random.next()))),
    source: pipeline.source,
    dataset: pipeline.jobName,
    jobName: pipeline.jobName,
    priorityClass: pipeline.priorityClass,
    backend: 'emr',
    demand: { vcpu: pipeline.vcpu },
    pools: [PIPELINES_POOL.poolId],
  };
}

/** Bursts of wide ad hoc jobs between 09:00 and 18:00, heavier on some days than others. */
function floodOf(dayStart: number, random: SeededRandom): Omit<SimJob, 'jobId'>[] {
  const count = random.int(10, 24);
  return Array.from({ length: count }, () => ({
    arrival: dayStart + 9 * HOUR + Math.floor(random.next() * 9 * HOUR),
    duration: Math.round(Math.min(3 * HOUR, Math.max(20 * 60, random.logNormal(HOUR, 0.6)))),
    source: FLOODING_SOURCE,
    dataset: `adhoc-${random.int(1, 50)}`,
    priorityClass: 'low',
    backend: 'emr' as const,
    demand: { vcpu: 64 * random.int(1, 5) },
    pools: [PIPELINES_POOL.poolId],
  }));
}
