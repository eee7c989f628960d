import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import type { ItemRole } from './appendTransaction';

export type CancellationOutcome =
  /** At least one event is recorded already: answer as a retried publish (or refuse it). */
  | { kind: 'alreadyRecorded' }
  /** These appends' streams were not at the base version used. */
  | { kind: 'streamsMoved'; appends: number[] }
  /** Lost a race on the global counter, or DynamoDB asked to back off: try again. */
  | { kind: 'retry' }
  | { kind: 'unexpected'; detail: string };

const RETRYABLE = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/** Reads DynamoDB's per-item reasons (one per transaction item, in order) against what each item was. */
export function classifyCancellation(
  reasons: CancellationReason[] | undefined,
  roles: ItemRole[],
): CancellationOutcome {
  const failed = (reasons ?? []).flatMap((reason, i) => {
    const role = roles[i];
    return role && reason.Code && reason.Code !== 'None' ? [{ code: reason.Code, role }] : [];
  });
  const conditionFailed = (kind: ItemRole['kind']) =>
    failed.filter((f) => f.code === 'ConditionalCheckFailed' && f.role.kind === kind);

  if (conditionFailed('guard').length > 0) return { kind: 'alreadyRecorded' };
  const moved = conditionFailed('head').map((f) => (f.role.kind === 'head' ? f.role.append : -1));
  if (moved.length > 0) return { kind: 'streamsMoved', appends: moved };
  const unknown = failed.find((f) => f.code !== 'ConditionalCheckFailed' && !RETRYABLE.has(f.code));
  if (unknown) return { kind: 'unexpected', detail: `${unknown.role.kind} item: ${unknown.code}` };
  if (conditionFailed('counter').length > 0 || failed.some((f) => RETRYABLE.has(f.code)))
    return { kind: 'retry' };
  // An event or feed item that exists although head and counter said the slot was free.
  const clash = failed[0];
  return {
    kind: 'unexpected',
    detail: clash ? `${clash.role.kind} item: ${clash.code}` : 'no cancellation reasons',
  };
}
