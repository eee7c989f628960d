import type { CancellationReason, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConcurrencyError,
  requiredVersion,
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
import { buildAppendTransaction, type AppendTransaction } from './appendTransaction';
import { classifyCancellation, type CancellationOutcome } from './cancellation';
import {
  recordedGuardOf,
  storedEventOfFeedItem,
  storedEventOfStreamItem,
  type RecordedGuard,
} from './eventItems';
import {
  FEED_BUCKET_SIZE,
  GLOBAL_COUNTER_PK,
  HEAD_SORT_KEY,
  eventGuardKey,
  feedBucketOf,
  feedPartitionKey,
} from './eventStoreTable';
import { answerRetriedPublish } from './retriedPublish';
import { getItems, queryRange, readHead, sleep, type Key } from './tableReads';
import { MAX_EVENTS_PER_APPEND, assertFitsInOneTransaction, assertSizesFit } from './transactionLimits';

export interface DynamoEventStoreOptions {
  /** Owned by the caller: close() leaves it open, so one client can serve several stores. */
  client: DynamoDBClient;
  tableName: string;
  /** Source of `recordedAt`. */
  now?: () => Date;
  /** How often an append that lost a race on the global counter is tried again. */
  maxRetries?: number;
}

/** The table state an append attempt builds on. */
interface Snapshot {
  counter: number | undefined;
  heads: Map<string, number>;
  guards: Map<string, RecordedGuard>;
}

const DEFAULT_MAX_RETRIES = 50;
const DEFAULT_PAGE_SIZE = 1000;
const STREAM_READ_ATTEMPTS = 5;

/** The event store on one DynamoDB table; docs/event-store-dynamodb.md describes the layout. */
export class DynamoEventStore implements EventStore {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly now: () => Date;
  private readonly maxRetries: number;
  private closed = false;

  constructor(options: DynamoEventStoreOptions) {
    this.doc = DynamoDBDocumentClient.from(options.client);
    this.tableName = options.tableName;
    this.now = options.now ?? (() => new Date());
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    const [result] = await this.appendAtomically([
      { streamId, events, expectedVersion: options.expectedVersion },
    ]);
    return result!;
  }

  async appendAtomically(requests: AppendToStream[]): Promise<AppendResult[]> {
    this.assertOpen();
    const appends = validateAppends(requests, MAX_EVENTS_PER_APPEND);
    const required = appends.map((a) => requiredVersion(a.expectedVersion));
    assertFitsInOneTransaction(appends);
    const sizing = this.transactionFor(
      appends,
      { counter: undefined, heads: new Map(), guards: new Map() },
      required,
    );
    assertSizesFit(sizing.sizes, sizing.totalBytes);

    // Checking the guards first lets a retried publish with a stale expected version answer as a
    // duplicate instead of failing the version check.
    let snapshot = await this.snapshot(appends, required, true);
    if (snapshot.guards.size > 0) return answerRetriedPublish(appends, snapshot.guards);

    for (let attempt = 1; ; attempt++) {
      const transaction = this.transactionFor(appends, snapshot, required);
      const outcome = await this.commit(transaction);
      if (outcome === 'committed') return transaction.results;
      switch (outcome.kind) {
        case 'alreadyRecorded':
          return answerRetriedPublish(appends, await this.readGuards(appends));
        case 'streamsMoved': {
          const guarded = outcome.appends.find((i) => required[i] !== undefined);
          if (guarded !== undefined) {
            const { streamId, expectedVersion } = appends[guarded]!;
            const actual = (await readHead(this.doc, this.tableName, streamId)) ?? 0;
            throw new ConcurrencyError(streamId, expectedVersion, actual);
          }
          break;
        }
        case 'retry':
          break;
      }
      if (attempt > this.maxRetries) {
        throw new Error(
          `append to ${streamNames(appends)} gave up after ${attempt} attempts: the counter or a stream head stays contended`,
        );
      }
      await sleep(backoffMs(attempt));
      snapshot = await this.snapshot(appends, required, false);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    this.assertOpen();
    const from = Math.max(1, options.fromVersion ?? 1);
    for (let attempt = 1; ; attempt++) {
      const currentVersion = (await readHead(this.doc, this.tableName, streamId)) ?? 0;
      const to = Math.min(options.toVersion ?? currentVersion, currentVersion);
      if (to < from) return { events: [], currentVersion };
      const items = await queryRange(this.doc, this.tableName, streamId, from, to);
      // A head is only raised together with its events, so a short read means that commit is
      // still becoming visible to queries; reading again beats returning a stream with a hole.
      if (items.length === to - from + 1)
        return { events: items.map(storedEventOfStreamItem), currentVersion };
      if (attempt >= STREAM_READ_ATTEMPTS) {
        throw new Error(`stream ${streamId}: versions ${from}..${to} expected, ${items.length} found`);
      }
      await sleep(20 * attempt);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    const after = Math.max(0, Math.floor(options.after ?? 0));
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_PAGE_SIZE));
    // Bounding the page by the counter read first means the page never runs past what has committed.
    const head = (await readHead(this.doc, this.tableName, GLOBAL_COUNTER_PK)) ?? 0;
    const last = Math.min(head, after + limit);
    const events: StoredEvent[] = [];
    let next = after + 1;
    while (next <= last) {
      const bucket = feedBucketOf(next);
      const upTo = Math.min(last, (bucket + 1) * FEED_BUCKET_SIZE - 1);
      const items = await queryRange(this.doc, this.tableName, feedPartitionKey(bucket), next, upTo);
      const gapless = takeWhileConsecutive(items, next);
      events.push(...gapless.map(storedEventOfFeedItem));
      next += gapless.length;
      // Positions have no gaps, so a missing one is a commit not yet visible: stop before it, or a
      // reader could later find an event below a position it has already passed.
      if (next <= upTo) break;
    }
    const lastPosition = next - 1;
    return { events, lastPosition, isEnd: lastPosition >= head };
  }

  /** Marks the store closed; the DynamoDB client belongs to the caller and stays open. */
  async close(): Promise<void> {
    this.closed = true;
  }

  private transactionFor(
    appends: ValidatedAppend[],
    snapshot: Snapshot,
    required: (number | undefined)[],
  ): AppendTransaction {
    return buildAppendTransaction({
      tableName: this.tableName,
      appends,
      counter: snapshot.counter,
      baseVersions: appends.map((a, i) => required[i] ?? snapshot.heads.get(a.streamId) ?? 0),
      recordedAt: this.now().toISOString(),
    });
  }

  private async commit(
    transaction: AppendTransaction,
  ): Promise<'committed' | Exclude<CancellationOutcome, { kind: 'unexpected' }>> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: transaction.items }));
      return 'committed';
    } catch (error) {
      if ((error as Error)?.name !== 'TransactionCanceledException') throw error;
      const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons;
      const outcome = classifyCancellation(reasons, transaction.roles);
      if (outcome.kind === 'unexpected') {
        const streams = transaction.results.map((r) => r.streamId).join(', ');
        throw new Error(`append to ${streams} was cancelled: ${outcome.detail}`, { cause: error });
      }
      return outcome;
    }
  }

  /** One consistent batch read of the counter, the heads of unguarded streams and, on request, the event guards. */
  private async snapshot(
    appends: ValidatedAppend[],
    required: (number | undefined)[],
    withGuards: boolean,
  ): Promise<Snapshot> {
    const keys: Key[] = [{ pk: GLOBAL_COUNTER_PK, sk: HEAD_SORT_KEY }];
    appends.forEach((a, i) => {
      if (required[i] === undefined) keys.push({ pk: a.streamId, sk: HEAD_SORT_KEY });
    });
    if (withGuards) keys.push(...guardKeys(appends));
    const items = await getItems(this.doc, this.tableName, keys);
    const snapshot: Snapshot = { counter: undefined, heads: new Map(), guards: guardsIn(items) };
    for (const item of items) {
      if (item.pk === GLOBAL_COUNTER_PK) snapshot.counter = Number(item.head);
      else if (!String(item.pk).startsWith(GUARD_PREFIX))
        snapshot.heads.set(String(item.pk), Number(item.head));
    }
    return snapshot;
  }

  private async readGuards(appends: ValidatedAppend[]): Promise<Map<string, RecordedGuard>> {
    return guardsIn(await getItems(this.doc, this.tableName, guardKeys(appends)));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('DynamoEventStore is closed');
  }
}

const GUARD_PREFIX = eventGuardKey('');

function guardsIn(items: Record<string, unknown>[]): Map<string, RecordedGuard> {
  const guards = new Map<string, RecordedGuard>();
  for (const item of items) {
    const pk = String(item.pk);
    if (pk.startsWith(GUARD_PREFIX)) guards.set(pk.slice(GUARD_PREFIX.length), recordedGuardOf(item));
  }
  return guards;
}

function guardKeys(appends: ValidatedAppend[]): Key[] {
  return appends.flatMap((a) => a.events.map((e) => ({ pk: eventGuardKey(e.eventId), sk: HEAD_SORT_KEY })));
}

function takeWhileConsecutive<T extends Record<string, unknown>>(items: T[], first: number): T[] {
  const index = items.findIndex((item, i) => Number(item.sk) !== first + i);
  return index === -1 ? items : items.slice(0, index);
}

/** Full jitter, so appenders that collided on the counter spread out instead of colliding again. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(250, 4 * 2 ** Math.min(attempt, 8));
}

const streamNames = (appends: ValidatedAppend[]) => appends.map((a) => a.streamId).join(', ');
