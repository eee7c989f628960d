import {
  PutEventsCommand,
  type EventBridgeClient,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { StoredEvent } from '@sluice/domain';
import { batchesOf, entryFor } from './eventEntries';

export interface EventBridgePublisherOptions {
  client: EventBridgeClient;
  eventBusName: string;
  /** PutEvents calls per batch, the first included, before giving up on its failed entries. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** Some entries were still refused after every attempt; the caller keeps its checkpoint and retries. */
export class EventBridgePublishError extends Error {
  constructor(readonly failed: { eventId: string; errorCode: string; errorMessage?: string }[]) {
    super(
      `EventBridge refused ${failed.length} event(s): ${failed.map((f) => `${f.eventId} ${f.errorCode}`).join(', ')}`,
    );
    this.name = 'EventBridgePublishError';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Pending {
  eventId: string;
  entry: PutEventsRequestEntry;
}

/**
 * Publishes domain events to an EventBridge bus. A PutEvents answer can accept some entries and
 * refuse others (FailedEntryCount, and an ErrorCode on the refused entries, in request order):
 * exactly the refused ones are sent again, with exponential backoff, a bounded number of times.
 * Delivery is at least once; consumers deduplicate by `eventId`.
 */
export class EventBridgePublisher {
  constructor(private readonly options: EventBridgePublisherOptions) {}

  async publish(events: StoredEvent[]): Promise<{ published: number; calls: number }> {
    const pending = events.map((event) => ({
      eventId: event.eventId,
      entry: entryFor(event, this.options.eventBusName),
    }));
    let calls = 0;
    const failed: EventBridgePublishError['failed'] = [];
    for (const batch of batchesOf(pending, (p) => p.entry)) {
      const outcome = await this.sendBatch(batch);
      calls += outcome.calls;
      failed.push(...outcome.failed);
    }
    if (failed.length > 0) throw new EventBridgePublishError(failed);
    return { published: events.length, calls };
  }

  private async sendBatch(
    batch: Pending[],
  ): Promise<{ calls: number; failed: EventBridgePublishError['failed'] }> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let remaining = batch;
    let calls = 0;
    let lastErrors: EventBridgePublishError['failed'] = [];
    for (let attempt = 0; attempt < maxAttempts && remaining.length > 0; attempt++) {
      if (attempt > 0) await (this.options.sleep ?? sleep)(this.delayMs(attempt));
      const out = await this.options.client.send(
        new PutEventsCommand({ Entries: remaining.map((p) => p.entry) }),
      );
      calls += 1;
      if (!out.FailedEntryCount) return { calls, failed: [] };
      // Result entries line up with request entries by index; refused ones carry an ErrorCode.
      const refused = remaining.flatMap((p, i) => {
        const result = out.Entries?.[i];
        return result?.ErrorCode
          ? [{ pending: p, errorCode: result.ErrorCode, errorMessage: result.ErrorMessage }]
          : [];
      });
      remaining = refused.map((r) => r.pending);
      lastErrors = refused.map((r) => ({
        eventId: r.pending.eventId,
        errorCode: r.errorCode,
        ...(r.errorMessage ? { errorMessage: r.errorMessage } : {}),
      }));
    }
    return { calls, failed: remaining.length > 0 ? lastErrors : [] };
  }

  private delayMs(attempt: number): number {
    return Math.min(this.options.maxDelayMs ?? 5000, (this.options.baseDelayMs ?? 100) * 2 ** (attempt - 1));
  }
}
