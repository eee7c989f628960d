import type { Backend, ResourceVector } from '@sluice/domain';
import type { SimPool } from '@sluice/scheduler';

/**
 * Sources in decreasing order of volume (the Zipf rank follows this order), each with the backend
 * its pipelines mostly run on: a team's stack is a fact of the team, not of each job.
 */
export const SOURCES: readonly { name: string; leans: Backend }[] = [
  { name: 'clickstream', leans: 'glue' },
  { name: 'orders-etl', leans: 'glue' },
  { name: 'ml-features', leans: 'emr' },
  { name: 'billing', leans: 'batch' },
  { name: 'customer-360', leans: 'emr' },
  { name: 'inventory', leans: 'glue' },
  { name: 'ads-reporting', leans: 'batch' },
  { name: 'search-index', leans: 'emr' },
  { name: 'fraud-signals', leans: 'batch' },
  { name: 'finance-close', leans: 'glue' },
  { name: 'logistics', leans: 'batch' },
  { name: 'iot-telemetry', leans: 'emr' },
  { name: 'pricing', leans: 'glue' },
  { name: 'recommendations', leans: 'emr' },
  { name: 'supply-chain', leans: 'batch' },
  { name: 'marketing-mix', leans: 'glue' },
  { name: 'data-quality', leans: 'batch' },
  { name: 'hr-analytics', leans: 'glue' },
  { name: 'compliance', leans: 'glue' },
  { name: 'experimentation', leans: 'emr' },
];

/** How much of a source's work goes to the backend it leans on; the rest follows the global mix. */
export const LEAN = 0.6;

export const SOURCE_ZIPF_EXPONENT = 1.1;

/** Teams whose pipelines feed closing books and invoices get a larger share of contended capacity. */
export const SHARES: Record<string, number> = { 'finance-close': 3, billing: 2 };

export const CLASS_NAMES = ['critical', 'high', 'normal', 'low', 'backfill'] as const;
/** Daytime work leans interactive; the nightly wave is mostly bulk loads with a few SLA-bound feeds. */
export const DAYTIME_CLASS_MIX = [0.03, 0.15, 0.5, 0.22, 0.1];
export const NIGHTLY_CLASS_MIX = [0.05, 0.1, 0.45, 0.25, 0.15];

export interface BackendProfile {
  backend: Backend;
  poolId: string;
  /** Share of all jobs before a source's own preference is applied. */
  share: number;
  demands: { demand: ResourceVector; weight: number }[];
  medianSeconds: number;
  sigma: number;
  minSeconds: number;
  maxSeconds: number;
}

const MIB_PER_GIB = 1024;

/** Glue runs take one of the account's concurrent runs plus DPUs; EMR steps and Batch jobs take vCPUs and memory. */
export const BACKENDS: BackendProfile[] = [
  {
    backend: 'glue',
    poolId: 'glue-account',
    share: 0.5,
    demands: [2, 5, 10, 20, 40, 100].map((dpu, i) => ({
      demand: { runs: 1, dpu },
      weight: [0.15, 0.25, 0.3, 0.2, 0.08, 0.02][i] ?? 0,
    })),
    medianSeconds: 600,
    sigma: 0.8,
    minSeconds: 60,
    maxSeconds: 4 * 3600,
  },
  {
    backend: 'emr',
    poolId: 'emr-group',
    share: 0.25,
    demands: [16, 32, 64, 128].flatMap((vcpu, i) => {
      const weight = [0.3, 0.35, 0.25, 0.1][i] ?? 0;
      return [
        { demand: { vcpu, memoryMiB: vcpu * 4 * MIB_PER_GIB }, weight: weight * 0.6 },
        { demand: { vcpu, memoryMiB: vcpu * 8 * MIB_PER_GIB }, weight: weight * 0.4 },
      ];
    }),
    medianSeconds: 1500,
    sigma: 0.7,
    minSeconds: 120,
    maxSeconds: 6 * 3600,
  },
  {
    backend: 'batch',
    poolId: 'batch-queue',
    share: 0.25,
    demands: [2, 4, 8, 16, 32].map((vcpu, i) => ({
      demand: { vcpu, memoryMiB: vcpu * 2 * MIB_PER_GIB },
      weight: [0.2, 0.3, 0.25, 0.15, 0.1][i] ?? 0,
    })),
    medianSeconds: 900,
    sigma: 0.9,
    minSeconds: 30,
    maxSeconds: 3 * 3600,
  },
];

/** Glue's account quota of 50 concurrent runs and a DPU cap below the nominal capacity, as an account admin sets it. */
export const POOLS: SimPool[] = [
  {
    poolId: 'glue-account',
    backend: 'glue',
    capacity: { runs: 50, dpu: 400 },
    quotas: { runs: 50, dpu: 320 },
  },
  {
    poolId: 'emr-group',
    backend: 'emr',
    capacity: { vcpu: 1024, memoryMiB: 1024 * 6 * MIB_PER_GIB },
    quotas: {},
  },
  {
    poolId: 'batch-queue',
    backend: 'batch',
    capacity: { vcpu: 128, memoryMiB: 128 * 4 * MIB_PER_GIB },
    quotas: {},
  },
];

/** Jobs per simulated day: the trace gets as many days as it needs for the jobs asked for. */
export const JOBS_PER_DAY = 2500;

/** Submitters pad their estimates (median 1.5x) and now and then underestimate. */
export const ESTIMATE_MEDIAN_FACTOR = 1.5;
export const ESTIMATE_SIGMA = 0.35;
