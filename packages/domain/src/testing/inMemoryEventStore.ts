import { currentSchemaVersion, upcastEventData } from '../events/catalogue';
import type { NewEvent, StoredEvent } from '../events/envelope';
import { IdempotencyConflictError, ConcurrencyError } from '../eventStore/errors';
import type {
  AppendResult,
  AppendToStream,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  ReadStreamResult,
} from '../eventStore/eventStore';
import { requiredVersion, validateAppends, type ValidatedAppend } from '../eventStore/validateAppend';

export interface InMemoryEventStoreOptions {
  /** The clock `recordedAt` is read from: pure code has none of its own. */
  now: () => Date;
  maxEventsPerAppend?: number;
}

/**
 * The event-store port held in memory, for tests of code above the stores (the API, the
 * scheduler). It passes the same contract suite as the SQLite and DynamoDB stores, so a test
 * that passes on it makes no assumption the real stores would break.
 */
export class InMemoryEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byEventId = new Map<string, StoredEvent>();
  private readonly maxEvents: number;
  private closed = false;

  constructor(private readonly options: InMemoryEventStoreOptions) {
    this.maxEvents = options.maxEventsPerAppend ?? 1000;
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const [result] = await this.appendAtomically([{ streamId, events, expectedVersion: options.expectedVersion }]);
    return result!;
  }

  async appendAtomically(appends: AppendToStream[]): Promise<AppendResult[]> {
    this.assertOpen();
    const validated = validateAppends(appends, this.maxEvents);
    const recorded = this.findRecorded(validated);
    if (recorded) return recorded;
    // Every guard is checked before anything is written: the append is all or nothing.
    for (const append of validated) {
      const actual = this.versionOf(append.streamId);
      const required = requiredVersion(append.expectedVersion);
      if (required !== undefined && required !== actual) throw new ConcurrencyError(append.streamId, append.expectedVersion, actual);
    }
    const recordedAt = this.options.now().toISOString();
    return validated.map((append) => {
      const stream = this.streams.get(append.streamId) ?? [];
      const stored = append.events.map(
        (event) =>
          ({
            ...event,
            schemaVersion: currentSchemaVersion(event.type),
            data: upcastEventData(event.type, event.schemaVersion, event.data),
            streamId: append.streamId,
            version: stream.length + 1,
            position: this.events.length + 1,
            recordedAt,
          }) as StoredEvent,
      );
      stored.forEach((event, i) => {
        event.version = stream.length + i + 1;
        event.position = this.events.length + 1;
        this.events.push(event);
        this.byEventId.set(event.eventId, event);
      });
      stream.push(...stored);
      this.streams.set(append.streamId, stream);
      return {
        streamId: append.streamId,
        nextExpectedVersion: stream.length,
        versions: stored.map((e) => e.version),
        positions: stored.map((e) => e.position),
        duplicate: false,
      };
    });
  }

  /** The same idempotency rule as the real stores: a whole re-send is a no-op, a partial one a conflict. */
  private findRecorded(appends: ValidatedAppend[]): AppendResult[] | undefined {
    let seen = 0;
    let total = 0;
    const results = appends.map((append) => {
      const found = append.events.map((event) => this.byEventId.get(event.eventId)).filter((e) => e !== undefined);
      total += append.events.length;
      seen += found.length;
      for (const event of found) {
        if (event.streamId !== append.streamId) {
          throw new IdempotencyConflictError(event.eventId, `already recorded in stream ${event.streamId}`);
        }
      }
      const versions = found.map((e) => e.version);
      return {
        streamId: append.streamId,
        nextExpectedVersion: Math.max(0, ...versions),
        versions,
        positions: found.map((e) => e.position),
        duplicate: true,
      };
    });
    if (seen === 0) return undefined;
    if (seen < total) {
      const first = appends.flatMap((a) => a.events).find((e) => this.byEventId.has(e.eventId));
      throw new IdempotencyConflictError(first!.eventId, `only ${seen} of the ${total} events in this append are recorded`);
    }
    return results;
  }

  private versionOf(streamId: string): number {
    return this.streams.get(streamId)?.length ?? 0;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    this.assertOpen();
    const from = options.fromVersion ?? 1;
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    const stream = this.streams.get(streamId) ?? [];
    return { events: stream.filter((e) => e.version >= from && e.version <= to), currentVersion: stream.length };
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    const after = options.after ?? 0;
    const limit = options.limit ?? 1000;
    // Positions are 1, 2, 3…, so the event at position p is at index p - 1.
    const events = this.events.slice(after, after + limit);
    const lastPosition = events.at(-1)?.position ?? after;
    return { events, lastPosition, isEnd: lastPosition >= this.events.length };
  }

  /** Like a real store, a closed one refuses every call: code that reads after close fails loudly. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the in-memory event store is closed');
  }
}
