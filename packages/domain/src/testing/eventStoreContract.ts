import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import {
  ConcurrencyError,
  EventValidationError,
  IdempotencyConflictError,
  InvalidAppendError,
  UnknownEventTypeError,

  jobStreamId,
  poolStreamId,
  type EventStore,
  type NewEvent,
} from '../index';
import { eventBuilder } from './builders';

export interface StoreUnderTest {
  store: EventStore;
  dispose: () => Promise<void>;
}

/** Reads the whole global feed, page by page. */
export async function readEverything(store: EventStore, pageSize = 100) {
  const all = [];
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    all.push(...page.events);
    after = page.lastPosition;
    if (page.isEnd) return all;
  }
}

/**
 * The behaviour every EventStore adapter must show. Each adapter's spec calls this with a factory
 * that gives a fresh, empty store per test.
 */
export function eventStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name}: event store contract`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    let b: ReturnType<typeof eventBuilder>;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      b = eventBuilder();
    });
    afterEach(async () => {
      await subject.dispose();
    });

    const poolEvents = (poolId: string, n: number): NewEvent[] =>
      Array.from({ length: n }, (_, i) =>
        b.event({ type: 'PoolCapacityReported', data: { poolId, observed: { runs: i } } }),
      );

    it('appends to a new stream and reads it back with the full envelope', async () => {
      const submitted = b.jobSubmitted('j1');
      const result = await store.appendToStream(jobStreamId('j1'), [submitted], { expectedVersion: 'noStream' });
      expect(result).toMatchObject({ streamId: 'job-j1', nextExpectedVersion: 1, versions: [1], duplicate: false });
      const { events, currentVersion } = await store.readStream('job-j1');
      expect(currentVersion).toBe(1);
      expect(events).toHaveLength(1);
      const [e] = events;
      expect(e).toMatchObject({
        eventId: submitted.eventId,
        type: 'JobSubmitted',
        schemaVersion: 2,
        streamId: 'job-j1',
        version: 1,
        position: result.positions[0],
        occurredAt: submitted.occurredAt,
        correlationId: submitted.eventId,
        causationId: null,
        actor: 'test',
      });
      expect(e?.data).toMatchObject({ jobId: 'j1', pools: ['glue-prod'], maxAttempts: 1 });
      expect(Date.parse(e!.recordedAt)).not.toBeNaN();
    });

    it('orders events within a stream and continues from the expected version', async () => {
      await store.appendToStream('pool-p', poolEvents('p', 3), { expectedVersion: 'noStream' });
      const second = await store.appendToStream('pool-p', poolEvents('p', 2), { expectedVersion: 3 });
      expect(second.versions).toEqual([4, 5]);
      const { events } = await store.readStream('pool-p');
      expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(events.map((e) => (e.data as { observed: { runs: number } }).observed.runs)).toEqual([0, 1, 2, 0, 1]);
      const slice = await store.readStream('pool-p', { fromVersion: 2, toVersion: 4 });
      expect(slice.events.map((e) => e.version)).toEqual([2, 3, 4]);
      expect(slice.currentVersion).toBe(5);
    });

    it('rejects a stale expected version with ConcurrencyError and writes nothing', async () => {
      await store.appendToStream('pool-p', poolEvents('p', 2), { expectedVersion: 'noStream' });
      const attempt = store.appendToStream('pool-p', poolEvents('p', 1), { expectedVersion: 1 });
      await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(attempt).rejects.toMatchObject({ streamId: 'pool-p', expected: 1, actual: 2 });
      await expect(
        store.appendToStream('pool-p', poolEvents('p', 1), { expectedVersion: 'noStream' }),
      ).rejects.toMatchObject({ expected: 'noStream', actual: 2 });
      await expect(store.appendToStream('pool-q', poolEvents('q', 1), { expectedVersion: 3 })).rejects.toMatchObject({
        expected: 3,
        actual: 0,
      });
      expect((await store.readStream('pool-p')).currentVersion).toBe(2);
      expect(await readEverything(store)).toHaveLength(2);
    });

    it('appends without a guard when the expected version is any', async () => {
      await store.appendToStream('pool-p', poolEvents('p', 1), { expectedVersion: 'any' });
      const r = await store.appendToStream('pool-p', poolEvents('p', 1), { expectedVersion: 'any' });
      expect(r.versions).toEqual([2]);
    });

    it('treats a re-sent event as a no-op that reports the original position, even with a stale version', async () => {
      const events = poolEvents('p', 2);
      const first = await store.appendToStream('pool-p', events, { expectedVersion: 'noStream' });
      await store.appendToStream('pool-p', poolEvents('p', 1), { expectedVersion: 2 });
      const again = await store.appendToStream('pool-p', events, { expectedVersion: 'noStream' });
      expect(again).toEqual({ ...first, nextExpectedVersion: 2, duplicate: true });
      expect((await store.readStream('pool-p')).currentVersion).toBe(3);
      expect(await readEverything(store)).toHaveLength(3);
    });

    it('refuses a retry that repeats only some of its events, or moves one to another stream', async () => {
      const [a, c] = poolEvents('p', 2);
      await store.appendToStream('pool-p', [a!], { expectedVersion: 'noStream' });
      await expect(store.appendToStream('pool-p', [a!, c!], { expectedVersion: 1 })).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
      const moved = { ...a!, data: { poolId: 'q', observed: {} } } as NewEvent;
      await expect(store.appendToStream('pool-q', [moved], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
      expect(await readEverything(store)).toHaveLength(1);
    });

    it('rejects invalid events naming the field, and writes nothing of the batch', async () => {
      const good = b.jobSubmitted('j1');
      const bad = b.event({
        type: 'JobAdmitted',
        data: { jobId: 'j1', poolId: 'p', reservation: { dpu: -1 }, reason: 'fits' },
      });
      const attempt = store.appendToStream('job-j1', [good, bad], { expectedVersion: 'noStream' });
      await expect(attempt).rejects.toBeInstanceOf(EventValidationError);
      await expect(attempt).rejects.toMatchObject({ eventType: 'JobAdmitted', field: 'data.reservation.dpu' });

      const unknownField = b.jobSubmitted('j1', { demand: { cpus: 1 } as never });
      await expect(store.appendToStream('job-j1', [unknownField], { expectedVersion: 'any' })).rejects.toMatchObject({
        field: 'data.demand.cpus',
      });
      const unknownType = { ...b.jobSubmitted('j1'), type: 'JobTeleported' } as unknown as NewEvent;
      await expect(store.appendToStream('job-j1', [unknownType], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        UnknownEventTypeError,
      );
      const badEnvelope = { ...b.jobSubmitted('j1'), eventId: 'not-a-ulid' };
      await expect(store.appendToStream('job-j1', [badEnvelope], { expectedVersion: 'any' })).rejects.toMatchObject({
        field: 'eventId',
      });
      const wrongStream = b.jobSubmitted('j2');
      await expect(store.appendToStream('job-j1', [wrongStream], { expectedVersion: 'any' })).rejects.toMatchObject({
        field: 'streamId',
      });
      await expect(store.appendToStream('job-j1', [], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      expect((await store.readStream('job-j1')).currentVersion).toBe(0);
      expect(await readEverything(store)).toEqual([]);
    });

    it('upcasts events stored in an older schema version on read, without rewriting them', async () => {
      const v1 = {
        ...b.jobSubmitted('j1'),
        schemaVersion: 1,
        data: {
          jobId: 'j1',
          source: 's',
          dataset: 'd',
          priorityClass: 'normal',
          priority: 1,
          demand: {},
          backend: 'glue',
          spec: {},
          pool: 'glue-prod',
        },
      } as unknown as NewEvent;
      await store.appendToStream('job-j1', [v1], { expectedVersion: 'noStream' });
      const [read] = (await store.readStream('job-j1')).events;
      expect(read?.schemaVersion).toBe(2);
      expect(read?.data).toMatchObject({ pools: ['glue-prod'] });
      expect(read?.data).not.toHaveProperty('pool');
      const [fromFeed] = await readEverything(store);
      expect(fromFeed?.data).toMatchObject({ pools: ['glue-prod'] });
    });

    it('appends to several streams atomically: all or nothing', async () => {
      await store.appendToStream(poolStreamId('p'), [b.poolRegistered('p')], { expectedVersion: 'noStream' });
      await store.appendToStream(jobStreamId('j1'), [b.jobSubmitted('j1')], { expectedVersion: 'noStream' });
      const admitted = () => [
        {
          streamId: 'job-j1',
          expectedVersion: 1,
          events: [
            b.event({ type: 'JobAdmitted', data: { jobId: 'j1', poolId: 'p', reservation: { runs: 1 }, reason: 'fits' } }),
          ],
        },
        {
          streamId: 'pool-p',
          expectedVersion: 1,
          events: [b.event({ type: 'CapacityReserved', data: { poolId: 'p', jobId: 'j1', demand: { runs: 1 } } })],
        },
      ];
      await store.appendToStream('pool-p', poolEvents('p', 1), { expectedVersion: 1 });
      await expect(store.appendAtomically(admitted())).rejects.toMatchObject({ streamId: 'pool-p', actual: 2 });
      expect((await store.readStream('job-j1')).currentVersion).toBe(1);

      const retry = admitted();
      retry[1]!.expectedVersion = 2;
      const results = await store.appendAtomically(retry);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 3]);
      expect(Math.max(...results[0]!.positions)).toBeLessThan(Math.min(...results[1]!.positions));
      const again = await store.appendAtomically(retry);
      expect(again.every((r) => r.duplicate)).toBe(true);
      expect(again.map((r) => r.positions)).toEqual(results.map((r) => r.positions));
      expect(await readEverything(store)).toHaveLength(5);
    });

    it('refuses the same stream twice in one atomic append', async () => {
      await expect(
        store.appendAtomically([
          { streamId: 'pool-p', expectedVersion: 'any', events: poolEvents('p', 1) },
          { streamId: 'pool-p', expectedVersion: 'any', events: poolEvents('p', 1) },
        ]),
      ).rejects.toBeInstanceOf(InvalidAppendError);
    });

    it('lets exactly one of N parallel writers win each version of a stream', async () => {
      const writers = 6;
      const rounds = 5;
      let wins = 0;
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let r = 0; r < rounds; r++) {
            const { currentVersion } = await store.readStream('pool-p');
            const event = b.event({ type: 'PoolCapacityReported', data: { poolId: 'p', observed: { runs: w } } });
            try {
              await store.appendToStream('pool-p', [event], { expectedVersion: currentVersion });
              wins += 1;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
              conflicts += 1;
            }
          }
        }),
      );
      const { events, currentVersion } = await store.readStream('pool-p');
      expect(wins + conflicts).toBe(writers * rounds);
      expect(currentVersion).toBe(wins);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: wins }, (_, i) => i + 1));
    });

    it('keeps cross-stream appends all-or-nothing when writers race over shared streams', async () => {
      const writers = 5;
      const outcomes = await Promise.allSettled(
        Array.from({ length: writers }, (_, w) =>
          store.appendAtomically([
            { streamId: 'pool-shared', expectedVersion: 0, events: poolEvents('shared', 1) },
            { streamId: `pool-own${w}`, expectedVersion: 0, events: poolEvents(`own${w}`, 1) },
          ]),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConcurrencyError);
      const written = await Promise.all(
        Array.from({ length: writers }, async (_, w) => (await store.readStream(`pool-own${w}`)).currentVersion),
      );
      expect(written.reduce((a, v) => a + v, 0)).toBe(1);
      expect(await readEverything(store)).toHaveLength(2);
    });

    it('reads the global feed in a strictly increasing order, page by page', async () => {
      for (let i = 0; i < 7; i++) {
        await store.appendToStream(`pool-p${i % 3}`, poolEvents(`p${i % 3}`, 2), { expectedVersion: 'any' });
      }
      const all = await readEverything(store, 4);
      expect(all).toHaveLength(14);
      const positions = all.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      expect(new Set(positions).size).toBe(14);
      const tail = await store.readAll({ after: positions[9]!, limit: 100 });
      expect(tail.events.map((e) => e.position)).toEqual(positions.slice(10));
      expect(tail.isEnd).toBe(true);
      const empty = await store.readAll({ after: tail.lastPosition });
      expect(empty).toEqual({ events: [], lastPosition: tail.lastPosition, isEnd: true });
    });

    it('reads streams and the feed whole when they are larger than one page of storage (over 1 MB)', async () => {
      // 300 events of ~4 KB in one stream: reading it crosses DynamoDB's 1 MB query page.
      const failures = Array.from({ length: 300 }, (_, i) =>
        b.event({ type: 'JobFailed', data: { jobId: 'big', error: `${i}:`.padEnd(4000, 'x'), retryable: true } }),
      );
      for (let i = 0; i < failures.length; i += 25) {
        await store.appendToStream('job-big', failures.slice(i, i + 25), { expectedVersion: 'any' });
      }
      const stream = await store.readStream('job-big');
      expect(stream.events.map((e) => e.version)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      expect(stream.events.map((e) => (e.data as { error: string }).error.split(':')[0])).toEqual(
        Array.from({ length: 300 }, (_, i) => String(i)),
      );
      const page = await store.readAll({ limit: 1000 });
      expect(page.events).toHaveLength(300);
      expect(page.isEnd).toBe(true);
    });
  });
}
