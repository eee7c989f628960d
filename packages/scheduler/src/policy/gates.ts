import { dependencyGate } from './dependencies';
import type { JobStatus, QueuedJob } from './domain';
import { instantMs } from './instant';

export type HoldCode = 'cancel-requested' | 'dependency' | 'retry-backoff';

export interface HeldJob {
  job: QueuedJob;
  code: HoldCode;
  reason: string;
}

/** Why a job cannot run now for reasons of its own: held for now, cancelled for good, or free (undefined). */
export type Gate = { hold: HoldCode; reason: string } | { cancel: string } | undefined;

export function gateOf(job: QueuedJob, statuses: Record<string, JobStatus>, nowMs: number): Gate {
  if (job.cancelRequested)
    return { hold: 'cancel-requested', reason: 'cancellation requested: it will not be admitted' };
  if (job.dependsOn !== undefined) {
    const gate = dependencyGate(job, statuses);
    if (gate.kind === 'cancel') {
      const { dependency, status } = gate;
      return {
        cancel: `dependency ${dependency.jobId} ended ${status}, and ${dependency.condition} needs it to succeed`,
      };
    }
    if (gate.kind === 'waiting') {
      const shown = gate.pending
        .slice(0, 3)
        .map(({ dependency, status }) => `${dependency.jobId} (${status}, ${dependency.condition})`);
      const more = gate.pending.length > 3 ? ` and ${gate.pending.length - 3} more` : '';
      return { hold: 'dependency', reason: `waiting for job ${shown.join(', ')}${more} to end` };
    }
  }
  if (job.notBefore !== undefined && instantMs(job.notBefore) > nowMs) {
    return { hold: 'retry-backoff', reason: `attempt ${job.attempt} backs off until ${job.notBefore}` };
  }
  return undefined;
}

/** Queue order for reporting held and cancelled jobs: higher priority, then earlier submission. */
export function queueFirst(a: QueuedJob, b: QueuedJob): number {
  return (
    b.priority - a.priority ||
    a.submittedPosition - b.submittedPosition ||
    (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0)
  );
}
