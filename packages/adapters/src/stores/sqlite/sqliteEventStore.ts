import Database from 'better-sqlite3';
import {
  ConcurrencyError,
  IdempotencyConflictError,
  currentSchemaVersion,
  requiredVersion,
  upcastEventData,
  validateAppends,
  type AppendResult,
  type AppendToStream,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type ReadStreamResult,
  type StoredEvent,
  type ValidatedAppend,
} from '@sluice/domain';
import { SCHEMA_SQL, type EventRow } from './schema';

export interface SqliteEventStoreOptions {
  /** File path, or ':memory:' for a throwaway store. */
  filename: string;
  /**
   * `full` (default) syncs the WAL on every commit, so an acknowledged append survives power loss;
   * `normal` survives a process crash but may lose the last commits on power loss.
   */
  durability?: 'full' | 'normal';
  now?: () => Date;
  /** Largest number of events one atomic append may carry. */
  maxEventsPerAppend?: number;
}

const DEFAULT_MAX_EVENTS = 1000;
const DEFAULT_PAGE = 1000;

/** The embedded event store: one SQLite file in WAL mode, safe for several processes at once. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly maxEvents: number;
  private readonly statements;
  private readonly appendTransaction;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    // Another process holding the write lock makes us wait, not fail.
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA_SQL);
    this.now = options.now ?? (() => new Date());
    this.maxEvents = options.maxEventsPerAppend ?? DEFAULT_MAX_EVENTS;
    this.statements = {
      head: this.db.prepare<[string], { version: number }>('SELECT version FROM streams WHERE stream_id = ?'),
      setHead: this.db.prepare(
        'INSERT INTO streams (stream_id, version) VALUES (?, ?) ON CONFLICT(stream_id) DO UPDATE SET version = excluded.version',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, occurred_at, recorded_at,
           correlation_id, causation_id, actor)
         VALUES (@eventId, @streamId, @version, @type, @schemaVersion, @data, @occurredAt, @recordedAt,
           @correlationId, @causationId, @actor)`,
      ),
      byEventId: this.db.prepare<[string], Pick<EventRow, 'stream_id' | 'version' | 'position'>>(
        'SELECT stream_id, version, position FROM events WHERE event_id = ?',
      ),
      readStream: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND version BETWEEN ? AND ? ORDER BY version',
      ),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      hasAfter: this.db.prepare<[number], { found: number }>(
        'SELECT EXISTS (SELECT 1 FROM events WHERE position > ?) AS found',
      ),
    };
    // IMMEDIATE takes the write lock up front, so the version read and the insert cannot interleave
    // with another process's append.
    this.appendTransaction = this.db.transaction((appends: ValidatedAppend[], recordedAt: string) =>
      this.appendLocked(appends, recordedAt),
    );
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
    const validated = validateAppends(appends, this.maxEvents);
    return this.appendTransaction.immediate(validated, this.now().toISOString());
  }

  private appendLocked(appends: ValidatedAppend[], recordedAt: string): AppendResult[] {
    const duplicate = this.findRecorded(appends);
    if (duplicate) return duplicate;
    const results: AppendResult[] = [];
    for (const append of appends) {
      const actual = this.statements.head.get(append.streamId)?.version ?? 0;
      const required = requiredVersion(append.expectedVersion);
      if (required !== undefined && required !== actual) {
        throw new ConcurrencyError(append.streamId, append.expectedVersion, actual);
      }
      const versions: number[] = [];
      const positions: number[] = [];
      append.events.forEach((event, i) => {
        const version = actual + i + 1;
        const info = this.statements.insert.run({
          ...event,
          streamId: append.streamId,
          version,
          data: JSON.stringify(event.data),
          recordedAt,
        });
        versions.push(version);
        positions.push(Number(info.lastInsertRowid));
      });
      const next = actual + append.events.length;
      this.statements.setHead.run(append.streamId, next);
      results.push({ streamId: append.streamId, nextExpectedVersion: next, versions, positions, duplicate: false });
    }
    return results;
  }

  /**
   * A retried request whose events are all recorded already gets its original positions back; one
   * that is recorded only in part, or in another stream, is a client bug and is refused.
   */
  private findRecorded(appends: ValidatedAppend[]): AppendResult[] | undefined {
    let seen = 0;
    let total = 0;
    const results = appends.map((append) => {
      const versions: number[] = [];
      const positions: number[] = [];
      for (const event of append.events) {
        total += 1;
        const row = this.statements.byEventId.get(event.eventId);
        if (!row) continue;
        if (row.stream_id !== append.streamId) {
          throw new IdempotencyConflictError(event.eventId, `already recorded in stream ${row.stream_id}`);
        }
        seen += 1;
        versions.push(row.version);
        positions.push(row.position);
      }
      return { streamId: append.streamId, nextExpectedVersion: Math.max(0, ...versions), versions, positions, duplicate: true };
    });
    if (seen === 0) return undefined;
    if (seen < total) {
      const first = appends.flatMap((a) => a.events).find((e) => this.statements.byEventId.get(e.eventId));
      throw new IdempotencyConflictError(first!.eventId, `only ${seen} of the ${total} events in this append are recorded`);
    }
    return results;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const read = this.db.transaction(() => ({
      rows: this.statements.readStream.all(streamId, options.fromVersion ?? 1, options.toVersion ?? Number.MAX_SAFE_INTEGER),
      currentVersion: this.statements.head.get(streamId)?.version ?? 0,
    }));
    const { rows, currentVersion } = read();
    return { events: rows.map(toStoredEvent), currentVersion };
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const after = options.after ?? 0;
    const limit = options.limit ?? DEFAULT_PAGE;
    const rows = this.statements.readAll.all(after, limit);
    const lastPosition = rows.at(-1)?.position ?? after;
    const isEnd = rows.length < limit || this.statements.hasAfter.get(lastPosition)?.found === 0;
    return { events: rows.map(toStoredEvent), lastPosition, isEnd };
  }

  /** Raw rows in global order, for benchmarks that compare decoding cost against a plain read. */
  iterateRows(after = 0): IterableIterator<EventRow> {
    return this.statements.readAll.iterate(after, Number.MAX_SAFE_INTEGER);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: currentSchemaVersion(row.type),
    data: upcastEventData(row.type, row.schema_version, JSON.parse(row.data)),
    streamId: row.stream_id,
    version: row.version,
    position: row.position,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
  } as StoredEvent;
}
