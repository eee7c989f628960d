import {
  allViews,
  expectedStreamOf,
  validateEventData,
  type NewEvent,
  type StoredEvent,
  type Views,
} from '../policy/domain';

/**
 * Records events the way a store does (validated, defaults applied, stream versions, global
 * positions) and folds them into the real views as they come, so tests and simulations schedule
 * from exactly what production would see. `recordedAt` is the event's `occurredAt`, which keeps
 * every run reproducible.
 */
export interface EventLog {
  readonly events: readonly StoredEvent[];
  /** Live: every append updates it in place, as the projections do. */
  readonly views: Views;
  append(...events: NewEvent[]): StoredEvent[];
}

export function eventLog(options: { halfLifeSeconds?: number } = {}): EventLog {
  const projection = allViews(options);
  const views = projection.initialState();
  const events: StoredEvent[] = [];
  const versions = new Map<string, number>();
  return {
    events,
    views,
    append(...batch) {
      return batch.map((event) => {
        const { schemaVersion, data } = validateEventData(event.type, event.data, event.schemaVersion);
        const streamId = expectedStreamOf(event.type, data);
        const version = (versions.get(streamId) ?? 0) + 1;
        versions.set(streamId, version);
        const stored = {
          type: event.type,
          data,
          eventId: event.eventId,
          schemaVersion,
          streamId,
          version,
          position: events.length + 1,
          occurredAt: event.occurredAt,
          recordedAt: event.occurredAt,
          correlationId: event.correlationId ?? event.eventId,
          causationId: event.causationId ?? null,
          actor: event.actor,
        } as StoredEvent;
        events.push(stored);
        projection.evolve(views, stored);
        return stored;
      });
    },
  };
}
