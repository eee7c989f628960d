import type { NewEvent, StoredEvent } from '../events/envelope';

/**
 * The version a writer believes a stream is at: a number (0 = the stream must not exist yet),
 * `noStream` (same as 0), or `any` (no guard; for append-only streams such as capacity reports).
 */
export type ExpectedVersion = number | 'noStream' | 'any';

export interface AppendToStream {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expectedVersion. */
  nextExpectedVersion: number;
  versions: number[];
  positions: number[];
  /** True when every event was already recorded (a retried publish): nothing was written. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  /** First version to return (default 1). */
  fromVersion?: number;
  /** Last version to return (inclusive). */
  toVersion?: number;
}

export interface ReadStreamResult {
  events: StoredEvent[];
  /** The stream's version at read time (0 when it does not exist). */
  currentVersion: number;
}

export interface ReadAllOptions {
  /** Return events strictly after this global position (default: from the start). */
  after?: number;
  /** Page size (default 1000). */
  limit?: number;
}

export interface ReadAllPage {
  events: StoredEvent[];
  /** Pass as `after` to read the next page; equals the input `after` when nothing new was found. */
  lastPosition: number;
  /** True when the page reached the end of what is recorded now. */
  isEnd: boolean;
}

/**
 * The event store port. Both adapters (embedded SQLite, DynamoDB) pass one contract suite.
 *
 * Guarantees: appends are atomic per call, ordered per stream, guarded by expected version; an
 * event whose `eventId` is already recorded is not written again and its original position is
 * returned; every event is validated against the catalogue before anything is written; the global
 * order (`position`) is strictly increasing in commit order, so a reader that has seen position p
 * will never later find a new event below p.
 */
export interface EventStore {
  appendToStream(streamId: string, events: NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult>;
  /** All-or-nothing across streams (admission writes the job stream and the pool stream at once). */
  appendAtomically(appends: AppendToStream[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  close(): Promise<void>;
}
