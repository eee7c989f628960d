import { currentSchemaVersion, upcastEventData, type StoredEvent, type ValidatedEvent } from '@sluice/domain';
import { HEAD_SORT_KEY, eventGuardKey, feedBucketOf, feedPartitionKey } from './eventStoreTable';

export type Item = Record<string, unknown>;

/** Where one event lands: its stream, version and global position. */
export interface Placement {
  streamId: string;
  version: number;
  position: number;
  recordedAt: string;
}

/** What the idempotency guard of an event remembers, so a retried publish can report it. */
export interface RecordedGuard {
  streamId: string;
  version: number;
  position: number;
}

function eventAttributes(event: ValidatedEvent, at: Placement): Item {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    // The payload is kept as the JSON text of what was validated: it reads back exactly as written,
    // and it side-steps DynamoDB's own type rules (no undefined, numbers beyond 2^53 need wrapping,
    // empty sets are invalid). Nothing ever filters on payload fields inside DynamoDB.
    data: JSON.stringify(event.data),
    occurredAt: event.occurredAt,
    recordedAt: at.recordedAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    actor: event.actor,
    position: at.position,
  };
}

export function streamEventItem(event: ValidatedEvent, at: Placement): Item {
  return { pk: at.streamId, sk: at.version, ...eventAttributes(event, at) };
}

/** The copy of an event in the global feed, so readAll is a query instead of a scan. */
export function feedEventItem(event: ValidatedEvent, at: Placement): Item {
  return {
    pk: feedPartitionKey(feedBucketOf(at.position)),
    sk: at.position,
    ...eventAttributes(event, at),
    streamId: at.streamId,
    version: at.version,
  };
}

export function guardItem(event: ValidatedEvent, at: Placement): Item {
  return {
    pk: eventGuardKey(event.eventId),
    sk: HEAD_SORT_KEY,
    streamId: at.streamId,
    version: at.version,
    position: at.position,
  };
}

export function recordedGuardOf(item: Item): RecordedGuard {
  return { streamId: String(item.streamId), version: Number(item.version), position: Number(item.position) };
}

/** Decodes a stream or feed item, lifting the payload to the type's current schema version. */
export function storedEventOf(item: Item, streamId: string, version: number): StoredEvent {
  const type = String(item.type);
  const data = upcastEventData(type, Number(item.schemaVersion), JSON.parse(String(item.data)));
  return {
    eventId: String(item.eventId),
    type,
    schemaVersion: currentSchemaVersion(type),
    data,
    streamId,
    version,
    position: Number(item.position),
    occurredAt: String(item.occurredAt),
    recordedAt: String(item.recordedAt),
    correlationId: String(item.correlationId),
    causationId: item.causationId == null ? null : String(item.causationId),
    actor: String(item.actor),
  } as StoredEvent;
}

export const storedEventOfStreamItem = (item: Item): StoredEvent =>
  storedEventOf(item, String(item.pk), Number(item.sk));
export const storedEventOfFeedItem = (item: Item): StoredEvent =>
  storedEventOf(item, String(item.streamId), Number(item.version));

/**
 * DynamoDB's size of an item: attribute names plus values, numbers counted at their maximum of
 * 21 bytes. Used to refuse an append up front rather than let the transaction fail.
 */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    size += Buffer.byteLength(name);
    if (typeof value === 'string') size += Buffer.byteLength(value);
    else if (typeof value === 'number') size += 21;
    else size += 1;
  }
  return size;
}
