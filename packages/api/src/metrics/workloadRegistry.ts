import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { WAIT_BUCKETS, admissionsOf, workloadMetrics, type ApiViews, type WorkloadMetrics } from '@sluice/scheduler';
import { sharedPerScrape } from './sharedPerScrape';

/** The scheduler's wait bounds (a second to a day), then three days and a week for backfill queues. */
export const WAIT_SECONDS_BUCKETS: readonly number[] = [...WAIT_BUCKETS, 259_200, 604_800];

/** What one scrape reads: the views as the API serves them, at the app's time. */
export interface WorkloadReading {
  views: ApiViews;
  now: Date;
}

interface WorkloadSnapshot {
  metrics: WorkloadMetrics;
  waitsSeconds: number[];
}

/**
 * A Prometheus registry of one app: the workload figures, computed from the views on each scrape
 * (the log is the source of truth, so nothing is counted in process), and Node's process metrics.
 * Each app gets its own registry, so several apps in one process never share a series.
 */
export function workloadRegistry(read: () => Promise<WorkloadReading>): Registry {
  const register = new Registry();
  const snapshot = sharedPerScrape(async (): Promise<WorkloadSnapshot> => {
    const { views, now } = await read();
    return {
      metrics: workloadMetrics(views, now),
      waitsSeconds: admissionsOf(views.jobs).map((admission) => admission.waitSeconds),
    };
  });

  new Gauge({
    name: 'sluice_queue_depth',
    help: 'Jobs waiting for admission, by priority class.',
    labelNames: ['class'],
    registers: [register],
    async collect() {
      const { metrics } = await snapshot();
      this.reset();
      for (const [priorityClass, depth] of Object.entries(metrics.queueDepthByClass))
        this.set({ class: priorityClass }, depth);
    },
  });
  new Gauge({
    name: 'sluice_jobs_in_flight',
    help: 'Jobs holding a reservation (admitted or running).',
    registers: [register],
    async collect() {
      this.set((await snapshot()).metrics.inFlight);
    },
  });
  new Gauge({
    name: 'sluice_oldest_queued_job_age_seconds',
    help: 'Age of the longest-waiting queued job.',
    registers: [register],
    async collect() {
      this.set((await snapshot()).metrics.oldestQueuedJobAgeSeconds);
    },
  });
  new Counter({
    name: 'sluice_admissions_total',
    help: 'Jobs admitted to a pool.',
    registers: [register],
    async collect() {
      // Counted from the log, so it survives restarts: the value is replaced, not incremented.
      const { metrics } = await snapshot();
      this.reset();
      this.inc(metrics.admissionsTotal);
    },
  });
  new Histogram({
    name: 'sluice_wait_seconds',
    help: 'Time from (re-)queueing to admission.',
    buckets: [...WAIT_SECONDS_BUCKETS],
    registers: [register],
    async collect() {
      const { waitsSeconds } = await snapshot();
      this.reset();
      // An empty histogram still reports its zero buckets, so rate() has a start to measure from.
      this.zero({});
      for (const wait of waitsSeconds) this.observe(wait);
    },
  });
  new Gauge({
    name: 'sluice_pool_headroom',
    help: 'What a pool can still reserve, per dimension.',
    labelNames: ['pool', 'dimension'],
    registers: [register],
    async collect() {
      const { metrics } = await snapshot();
      this.reset();
      for (const sample of metrics.headroom)
        this.set({ pool: sample.poolId, dimension: sample.dimension }, sample.headroom);
    },
  });
  collectDefaultMetrics({ register });
  return register;
}
