import type { EventType } from '@sluice/domain';

/** Events that can let a waiting job in: new work, freed capacity, changed limits or policy. */
export const WAKE_EVENT_TYPES: ReadonlySet<string> = new Set<EventType>([
  'JobSubmitted',
  'JobRetryScheduled',
  'JobSucceeded',
  'JobFailed',
  'JobCancelled',
  'JobTimedOut',
  'CapacityReleased',
  'PoolRegistered',
  'PoolCapacityReported',
  'PoolQuotaChanged',
  'SharePolicySet',
]);

export function wakesScheduler(type: string): boolean {
  return WAKE_EVENT_TYPES.has(type);
}
