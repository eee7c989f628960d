import { InvalidAppendError, type ValidatedAppend } from '@sluice/domain';

/** DynamoDB's hard limits on one TransactWriteItems call and on one item. */
export const MAX_TRANSACTION_ITEMS = 100;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
export const MAX_ITEM_BYTES = 400 * 1024;

/** Every append writes the global counter and one head per stream, then three items per event. */
export const ITEMS_PER_EVENT = 3;

export function maxEventsFor(streams: number): number {
  return Math.floor((MAX_TRANSACTION_ITEMS - 1 - streams) / ITEMS_PER_EVENT);
}

/** What validateAppends enforces: the most one single-stream append can carry. */
export const MAX_EVENTS_PER_APPEND = maxEventsFor(1);

/**
 * The event count alone is not enough: each extra stream costs a head item, so an atomic append
 * over four or more streams fits fewer than MAX_EVENTS_PER_APPEND events.
 */
export function assertFitsInOneTransaction(appends: ValidatedAppend[]): void {
  const events = appends.reduce((n, a) => n + a.events.length, 0);
  const max = maxEventsFor(appends.length);
  if (events > max) {
    throw new InvalidAppendError(
      'events',
      `at most ${max} events across ${appends.length} streams in one atomic append (DynamoDB transactions hold ${MAX_TRANSACTION_ITEMS} items)`,
    );
  }
}

/** Sizes are measured on the items about to be written; see itemSize. */
export function assertSizesFit(itemSizes: { field: string; bytes: number }[], totalBytes: number): void {
  const tooBig = itemSizes.find((s) => s.bytes > MAX_ITEM_BYTES);
  if (tooBig) {
    throw new InvalidAppendError(
      tooBig.field,
      `stored as ${tooBig.bytes} bytes; a DynamoDB item holds at most ${MAX_ITEM_BYTES}`,
    );
  }
  if (totalBytes > MAX_TRANSACTION_BYTES) {
    throw new InvalidAppendError(
      'events',
      `${totalBytes} bytes in one atomic append; a DynamoDB transaction holds at most ${MAX_TRANSACTION_BYTES}`,
    );
  }
}
