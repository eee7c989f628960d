import type { z } from 'zod';
import type { jobSubmittedSchema, poolRegisteredSchema } from '@sluice/domain';

type PoolInput = z.input<typeof poolRegisteredSchema>;
type JobInput = Omit<z.input<typeof jobSubmittedSchema>, 'jobId'>;

/** The pools a new user sees: one per backend kind, with the quotas real accounts hit. */
export const DEMO_POOLS: PoolInput[] = [
  {
    poolId: 'glue-prod',
    backend: 'glue',
    capacity: { runs: 50, dpu: 300, ips: 250 },
    quotas: { runs: 50, dpu: 300 },
  },
  { poolId: 'emr-analytics', backend: 'emr', capacity: { vcpu: 256, memoryMiB: 1_048_576 }, quotas: {} },
  { poolId: 'batch-default', backend: 'batch', capacity: { vcpu: 512, gpu: 4 }, quotas: { vcpu: 512 } },
  { poolId: 'onprem-spark', backend: 'livy', capacity: { vcpu: 128, memoryMiB: 524_288 }, quotas: {} },
];

const SOURCES = ['ingest-team', 'marketing-analytics', 'finance-reporting'];
const DATASETS = ['clickstream', 'orders', 'ledger', 'campaigns', 'inventory'];
const CLASSES: [string, number][] = [
  ['critical', 1000],
  ['high', 500],
  ['normal', 100],
  ['normal', 100],
  ['low', 50],
  ['backfill', 10],
];

/** A deterministic mix of Glue, EMR, Batch and on-prem jobs from three sources. */
export function demoJobs(count: number, seed = 7): JobInput[] {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    // The low bits of this generator cycle quickly; the high ones are usable.
    return (x >>> 16) % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const [priorityClass, priority] = CLASSES[next(CLASSES.length)]!;
    const kind = next(4);
    const common = {
      source: SOURCES[next(SOURCES.length)]!,
      dataset: DATASETS[next(DATASETS.length)]!,
      priorityClass,
      priority,
      estimateSeconds: 60 + next(600),
      maxAttempts: 3,
    };
    switch (kind) {
      case 0:
        return {
          ...common,
          backend: 'glue',
          pools: ['glue-prod'],
          jobName: `etl-${i % 5}`,
          demand: { runs: 1, dpu: 2 + next(20), ips: 2 + next(10) },
          spec: { jobName: `etl-${i % 5}`, workerType: 'G.1X' },
        };
      case 1:
        return {
          ...common,
          backend: 'emr',
          pools: ['emr-analytics'],
          demand: { vcpu: 8 + next(56), memoryMiB: 16_384 + 1024 * next(64) },
          spec: { step: 'spark-submit', args: ['--class', 'Job'] },
        };
      case 2:
        return {
          ...common,
          backend: 'batch',
          pools: ['batch-default'],
          demand: { vcpu: 4 + next(60) },
          spec: { jobDefinition: 'transform', arraySize: 1 + next(10) },
        };
      default:
        return {
          ...common,
          backend: 'livy',
          pools: ['onprem-spark'],
          demand: { vcpu: 4 + next(28), memoryMiB: 8192 * (1 + next(8)) },
          spec: { file: 's3://jobs/app.jar' },
        };
    }
  }) as JobInput[];
}
