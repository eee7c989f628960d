import type { Views } from '@sluice/domain';
import type { SchedulingPolicy } from '../policy/snapshot';
import { snapshotOf } from '../reactor/snapshotOf';

export interface PendingReason {
  code: string;
  reason: string;
}

/**
 * Why each queued job is pending, by running the policy on the views as a scheduler would at
 * `now`. The policy is pure, so this is exactly what the next cycle would say; a job it would
 * admit is only pending until that cycle. The API, the CLI and the dashboard all answer with it.
 */
export function pendingReasons(views: Views, now: string, policy: SchedulingPolicy): Map<string, PendingReason> {
  const result = policy.cycle(snapshotOf(views, now));
  const reasons = new Map<string, PendingReason>();
  for (const pending of result.pending) reasons.set(pending.jobId, { code: pending.code, reason: pending.reason });
  for (const admission of result.admissions) {
    reasons.set(admission.jobId, {
      code: 'admissible',
      reason: `fits pool ${admission.poolId} now; admitted at the next scheduling cycle`,
    });
  }
  for (const cancellation of result.cancellations) {
    reasons.set(cancellation.jobId, { code: 'dependency-failed', reason: cancellation.reason });
  }
  return reasons;
}
