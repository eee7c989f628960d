import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { StoredEvent } from '@sluice/domain';
import { sequentialEventIds } from '@sluice/domain/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { TEST_AWS } from '../../testing/awsFaults';
import { EventBridgePublishError, EventBridgePublisher } from './eventBridgePublisher';
import { MAX_ENTRY_BYTES, entrySize } from './eventEntries';

const nextId = sequentialEventIds(Date.UTC(2026, 0, 1));

function storedEvents(count: number, note = ''): StoredEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: nextId(),
    type: 'JobFailed',
    schemaVersion: 1,
    streamId: `job-j${i}`,
    version: 3,
    position: i + 1,
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.010Z',
    correlationId: 'c',
    causationId: null,
    actor: 'runner:glue',
    data: { jobId: `j${i}`, error: `failed${note}`, retryable: true },
  })) as StoredEvent[];
}

function setup(options: { maxAttempts?: number } = {}) {
  const client = new EventBridgeClient(TEST_AWS);
  const sleeps: number[] = [];
  const publisher = new EventBridgePublisher({
    client,
    eventBusName: 'sluice-dev',
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { mock: mockClient(client), publisher, sleeps };
}

const accepted = (entries: PutEventsRequestEntry[]) => ({
  FailedEntryCount: 0,
  Entries: entries.map((_, i) => ({ EventId: `eb-${i}` })),
});
const sentIds = (entries: PutEventsRequestEntry[] | undefined) =>
  (entries ?? []).map((e) => (JSON.parse(e.Detail!) as StoredEvent).eventId);

describe('EventBridgePublisher', () => {
  it('publishes in calls of at most ten entries, with the event type as detail type and the envelope as detail', async () => {
    const { mock, publisher } = setup();
    mock.on(PutEventsCommand).callsFake((input) => accepted(input.Entries));
    const events = storedEvents(23);
    expect(await publisher.publish(events)).toEqual({ published: 23, calls: 3 });
    const calls = mock.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 3]);
    const first = calls[0]![0]!;
    expect(first).toMatchObject({
      Source: 'sluice',
      DetailType: 'JobFailed',
      EventBusName: 'sluice-dev',
      Time: new Date('2026-01-01T00:00:00.000Z'),
    });
    expect(JSON.parse(first.Detail!)).toEqual(events[0]);
  });

  it('sends again exactly the entries that carry an error code, matched by position', async () => {
    const { mock, publisher, sleeps } = setup();
    mock
      .on(PutEventsCommand)
      .callsFakeOnce((input) => ({
        FailedEntryCount: 2,
        Entries: input.Entries.map((_: unknown, i: number) =>
          i === 3
            ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }
            : i === 7
              ? { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal' }
              : { EventId: `eb-${i}` },
        ),
      }))
      .callsFake((input) => accepted(input.Entries));
    const events = storedEvents(10);
    expect(await publisher.publish(events)).toEqual({ published: 10, calls: 2 });
    const retry = mock.commandCalls(PutEventsCommand)[1]!.args[0].input.Entries;
    expect(sentIds(retry)).toEqual([events[3]!.eventId, events[7]!.eventId]);
    expect(sleeps).toEqual([100]);
  });

  it('gives up after its attempts, naming the events still refused, with growing pauses', async () => {
    const { mock, publisher, sleeps } = setup({ maxAttempts: 4 });
    mock.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.map((_: unknown, i: number) =>
        i === 0 ? { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal' } : { EventId: `eb-${i}` },
      ),
    }));
    const events = storedEvents(3);
    const error = await publisher.publish(events).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventBridgePublishError);
    expect((error as EventBridgePublishError).failed).toEqual([
      { eventId: events[0]!.eventId, errorCode: 'InternalFailure', errorMessage: 'Internal' },
    ]);
    expect(mock.commandCalls(PutEventsCommand)).toHaveLength(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('keeps every entry and every call within 256 KB, publishing an oversized event without its payload', async () => {
    const { mock, publisher } = setup();
    mock.on(PutEventsCommand).callsFake((input) => accepted(input.Entries));
    const large = storedEvents(5, 'x'.repeat(100_000));
    const huge = storedEvents(1, 'y'.repeat(300_000));
    await publisher.publish([...large, ...huge]);
    const calls = mock.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!);
    for (const entries of calls) {
      expect(entries.reduce((sum, e) => sum + entrySize(e), 0)).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    }
    expect(calls.flat()).toHaveLength(6);
    const last = JSON.parse(calls.flat().at(-1)!.Detail!) as Record<string, unknown>;
    expect(last).toMatchObject({ eventId: huge[0]!.eventId, type: 'JobFailed', dataOmitted: true });
    expect(last.data).toBeUndefined();
  });
});
