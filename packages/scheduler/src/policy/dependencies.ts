import { TERMINAL_STATUSES, type Dependency, type JobStatus, type QueuedJob } from './domain';

export type DependencyGate =
  | { kind: 'ready' }
  | { kind: 'waiting'; pending: { dependency: Dependency; status: JobStatus }[] }
  | { kind: 'cancel'; dependency: Dependency; status: JobStatus };

const terminal = new Set<JobStatus>(TERMINAL_STATUSES);

/**
 * A job runs only after every dependency is terminal. An afterSuccess dependency that ended any
 * other way means the job can never run, so it is cancelled rather than left waiting forever.
 * A dependency Sluice does not know waits: it may not have been submitted yet.
 */
export function dependencyGate(job: QueuedJob, statuses: Record<string, JobStatus>): DependencyGate {
  const dependencies = job.dependsOn;
  if (!dependencies || dependencies.length === 0) return { kind: 'ready' };
  const pending: { dependency: Dependency; status: JobStatus }[] = [];
  for (const dependency of dependencies) {
    const status = Object.hasOwn(statuses, dependency.jobId)
      ? (statuses[dependency.jobId] ?? 'unknown')
      : 'unknown';
    if (!terminal.has(status)) {
      pending.push({ dependency, status });
    } else if (dependency.condition === 'afterSuccess' && status !== 'succeeded') {
      return { kind: 'cancel', dependency, status };
    }
  }
  return pending.length === 0 ? { kind: 'ready' } : { kind: 'waiting', pending };
}
