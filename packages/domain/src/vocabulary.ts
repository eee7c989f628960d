// The words every layer shares, as plain constants: no schema, so a command line can name them
// in its help without loading the event catalogue.

/** The resource dimensions a demand, a capacity or a quota can name. */
export const DIMENSIONS = ['runs', 'dpu', 'vcpu', 'memoryMiB', 'gpu', 'ips'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The kinds of backend a job runs on and a pool belongs to. */
export const BACKENDS = [
  'glue',
  'glue-crawler',
  'emr',
  'batch',
  'stepfunctions',
  'livy',
  'kubernetes',
  'slurm',
  'simulated',
] as const;
export type Backend = (typeof BACKENDS)[number];

/** One rule for every listing, HTTP and CLI alike: at most this many per request or page. */
export const LIST_LIMIT_MAX = 1000;
export const LIST_LIMIT_DEFAULT = 100;
