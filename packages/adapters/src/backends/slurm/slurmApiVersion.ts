import type { SlurmSpec } from './slurmSpec';

/**
 * The slurmrestd OpenAPI versions this backend speaks, newest first. Slurm 22.05 serves only
 * v0.0.38; v0.0.40 is Slurm 23.11 and later.
 */
export const SLURM_API_VERSIONS = ['v0.0.40', 'v0.0.38'] as const;
export type SlurmApiVersion = (typeof SLURM_API_VERSIONS)[number];

/** What a submission carries besides the spec. */
export interface SubmitContext {
  name: string;
  comment: string;
}

/** Limits in v0.0.40 are "no value / infinite / number" triples; v0.0.38 takes the plain number. */
const limit = (version: SlurmApiVersion, number: number) =>
  version === 'v0.0.38' ? number : { set: true, infinite: false, number };

/** The body of `POST job/submit` in the dialect of the given version. */
export function submitBody(version: SlurmApiVersion, spec: SlurmSpec, context: SubmitContext) {
  const job = {
    name: context.name,
    comment: context.comment,
    current_working_directory: spec.currentWorkingDirectory,
    // v0.0.38 takes the environment as a map, v0.0.40 as `NAME=value` strings.
    environment:
      version === 'v0.0.38'
        ? spec.environment
        : Object.entries(spec.environment).map(([k, v]) => `${k}=${v}`),
    ...(spec.partition ? { partition: spec.partition } : {}),
    ...(spec.account ? { account: spec.account } : {}),
    ...(spec.qos ? { qos: spec.qos } : {}),
    ...(spec.timeLimitMinutes ? { time_limit: limit(version, spec.timeLimitMinutes) } : {}),
    ...(spec.tasks ? { tasks: spec.tasks } : {}),
    ...(spec.cpusPerTask ? { cpus_per_task: spec.cpusPerTask } : {}),
    ...(spec.memoryPerNodeMiB ? { memory_per_node: limit(version, spec.memoryPerNodeMiB) } : {}),
  };
  // v0.0.38 wants the script beside the job description, v0.0.40 inside it.
  return version === 'v0.0.38' ? { script: spec.script, job } : { job: { ...job, script: spec.script } };
}
