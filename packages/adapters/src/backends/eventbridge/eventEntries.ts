import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { StoredEvent } from '@sluice/domain';

/** EventBridge's limit for one entry, and for a whole PutEvents request. */
export const MAX_ENTRY_BYTES = 256 * 1024;
export const MAX_ENTRIES_PER_CALL = 10;
export const EVENT_SOURCE = 'sluice';

/** Entry size as EventBridge counts it: the UTF-8 bytes of its fields, plus 14 for a Time. */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time ? 14 : 0;
  for (const field of [entry.Source, entry.DetailType, entry.Detail, entry.EventBusName]) {
    if (field) size += Buffer.byteLength(field, 'utf8');
  }
  for (const resource of entry.Resources ?? []) size += Buffer.byteLength(resource, 'utf8');
  return size;
}

/**
 * The entry for a domain event: DetailType is the event type and Detail the whole envelope. An
 * event too large for EventBridge goes without its payload (`dataOmitted: true`): consumers read
 * it from the store by `eventId`, and the bus never rejects the batch it travels in.
 */
export function entryFor(event: StoredEvent, eventBusName: string): PutEventsRequestEntry {
  const entry: PutEventsRequestEntry = {
    Source: EVENT_SOURCE,
    DetailType: event.type,
    Detail: JSON.stringify(event),
    EventBusName: eventBusName,
    Time: new Date(event.occurredAt),
    Resources: [],
  };
  if (entrySize(entry) <= MAX_ENTRY_BYTES) return entry;
  const { data: _omitted, ...envelope } = event;
  return { ...entry, Detail: JSON.stringify({ ...envelope, dataOmitted: true }) };
}

/** Splits items into PutEvents calls: at most 10 entries and 256 KB per call, order kept. */
export function batchesOf<T>(items: T[], entryOf: (item: T) => PutEventsRequestEntry): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of items) {
    const size = entrySize(entryOf(entry));
    if (current.length === MAX_ENTRIES_PER_CALL || (current.length > 0 && bytes + size > MAX_ENTRY_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
