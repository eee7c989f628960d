import { currentSchemaVersion, upcastEventData } from '../events/catalogue';
import type { NewEvent, StoredEvent } from '../events/envelope';
import { validateAppends } from '../eventStore/validateAppend';

/**
 * A validated, in-memory sequence of recorded events for pure tests and simulations: it assigns
 * versions, positions and `recordedAt` as a store would, without the concurrency guard.
 */
export function eventLog() {
  const events: StoredEvent[] = [];
  const versions = new Map<string, number>();
  return {
    events,
    record(streamId: string, batch: NewEvent[], recordedAt: string): StoredEvent[] {
      const [validated] = validateAppends([{ streamId, expectedVersion: 'any', events: batch }], 10_000);
      let version = versions.get(streamId) ?? 0;
      const stored = validated!.events.map(
        (e) =>
          ({
            ...e,
            schemaVersion: currentSchemaVersion(e.type),
            data: upcastEventData(e.type, e.schemaVersion, e.data),
            streamId,
            version: ++version,
            position: events.length + 1,
            recordedAt,
          }) as StoredEvent,
      );
      // Positions are assigned one by one so a batch gets consecutive ones.
      stored.forEach((e, i) => (e.position = events.length + i + 1));
      versions.set(streamId, version);
      events.push(...stored);
      return stored;
    },
    versionOf: (streamId: string) => versions.get(streamId) ?? 0,
  };
}
