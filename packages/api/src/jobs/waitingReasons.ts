import type { Views } from '@sluice/domain';
import { snapshotOf, type SchedulingPolicy } from '@sluice/scheduler';

export interface PendingReason {
  code: string;
  reason: string;
}

/**
 * Why each queued job waits, by running the policy on the views as a scheduler would at `now`.
 * The policy is pure, so this is exactly what the next cycle would say; a job it would admit is
 * only waiting for that cycle.
 */
export function waitingReasons(
  views: Views,
  now: string,
  policy: SchedulingPolicy,
): Map<string, PendingReason> {
  const result = policy.cycle(snapshotOf(views, now));
  const reasons = new Map<string, PendingReason>();
  for (const waiting of result.waiting)
    reasons.set(waiting.jobId, { code: waiting.code, reason: waiting.reason });
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
