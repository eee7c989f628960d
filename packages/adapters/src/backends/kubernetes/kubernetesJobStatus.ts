import type { RunStatus } from '@sluice/domain';

/** The parts of a batch/v1 Job the status needs. */
export interface KubernetesJob {
  metadata: {
    name: string;
    namespace?: string;
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  status?: {
    active?: number;
    ready?: number;
    succeeded?: number;
    failed?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

const isTrue = (job: KubernetesJob, type: string) =>
  job.status?.conditions?.find((c) => c.type === type && c.status === 'True');

export function kubernetesJobRunStatus(job: KubernetesJob): RunStatus {
  // SuccessCriteriaMet and FailureTarget come before Complete and Failed, while pods wind down: the outcome is settled.
  if (isTrue(job, 'Complete') || isTrue(job, 'SuccessCriteriaMet')) return { state: 'succeeded' };
  const failed = isTrue(job, 'Failed') ?? isTrue(job, 'FailureTarget');
  if (failed) {
    const reason = [failed.reason, failed.message].filter(Boolean).join(': ') || 'job failed';
    return { state: 'failed', reason, retryable: true };
  }
  if (job.metadata.deletionTimestamp) return { state: 'cancelled', reason: 'job deleted' };
  if (isTrue(job, 'Suspended')) return { state: 'queued' };
  if ((job.status?.ready ?? 0) > 0) return { state: 'running' };
  // `active` counts pods that are pending or running; without `ready` we cannot tell which.
  if ((job.status?.active ?? 0) > 0)
    return job.status?.ready === undefined ? { state: 'running' } : { state: 'starting' };
  return { state: 'queued' };
}

export const isFinishedJob = (job: KubernetesJob) =>
  ['succeeded', 'failed', 'cancelled'].includes(kubernetesJobRunStatus(job).state);
