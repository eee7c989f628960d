import { expectedStreamOf, validateEventData } from '../events/catalogue';
import type { NewEvent } from '../events/envelope';
import { newEventEnvelopeSchema, streamIdSchema } from '../events/envelope';
import { formatZodIssue } from '../events/zodIssues';
import { EventValidationError } from '../errors/domainErrors';
import { InvalidAppendError } from './errors';
import type { AppendToStream, ExpectedVersion } from './eventStore';

/** A validated event ready to be written: payload parsed with defaults, version fixed. */
export interface ValidatedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: string;
}

export interface ValidatedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: ValidatedEvent[];
}

/**
 * Everything a store checks before it writes anything, shared by every adapter so they reject
 * exactly the same requests with the same errors.
 */
export function validateAppends(appends: AppendToStream[], maxEvents: number): ValidatedAppend[] {
  if (appends.length === 0) throw new InvalidAppendError('appends', 'nothing to append');
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  let total = 0;
  const validated = appends.map((append, i) => {
    const streamCheck = streamIdSchema.safeParse(append.streamId);
    if (!streamCheck.success) throw new InvalidAppendError(`appends.${i}.streamId`, formatZodIssue(streamCheck.error).reason);
    if (streams.has(append.streamId)) throw new InvalidAppendError(`appends.${i}.streamId`, `stream ${append.streamId} appears twice`);
    streams.add(append.streamId);
    checkExpectedVersion(append.expectedVersion, i);
    if (append.events.length === 0) throw new InvalidAppendError(`appends.${i}.events`, 'no events');
    total += append.events.length;
    if (total > maxEvents) throw new InvalidAppendError('events', `at most ${maxEvents} events in one atomic append`);
    return {
      streamId: append.streamId,
      expectedVersion: append.expectedVersion,
      events: append.events.map((event) => {
        const validatedEvent = validateEvent(event, append.streamId);
        if (eventIds.has(validatedEvent.eventId)) {
          throw new InvalidAppendError('eventId', `${validatedEvent.eventId} appears twice in one append`);
        }
        eventIds.add(validatedEvent.eventId);
        return validatedEvent;
      }),
    };
  });
  return validated;
}

function checkExpectedVersion(expected: ExpectedVersion, i: number): void {
  if (expected === 'any' || expected === 'noStream') return;
  if (!Number.isInteger(expected) || expected < 0) {
    throw new InvalidAppendError(`appends.${i}.expectedVersion`, 'must be a whole number >= 0, "noStream" or "any"');
  }
}

function validateEvent(event: NewEvent, streamId: string): ValidatedEvent {
  const envelope = newEventEnvelopeSchema.safeParse(event);
  const type = typeof event?.type === 'string' ? event.type : '(no type)';
  if (!envelope.success) {
    const { field, reason } = formatZodIssue(envelope.error);
    throw new EventValidationError(type, field, reason);
  }
  const { schemaVersion, data } = validateEventData(envelope.data.type, envelope.data.data, envelope.data.schemaVersion);
  const owner = expectedStreamOf(envelope.data.type, data);
  if (owner !== streamId) {
    throw new EventValidationError(type, 'streamId', `a ${type} for this payload belongs to stream ${owner}, not ${streamId}`);
  }
  return {
    eventId: envelope.data.eventId,
    type: envelope.data.type,
    schemaVersion,
    data,
    occurredAt: envelope.data.occurredAt,
    correlationId: envelope.data.correlationId ?? envelope.data.eventId,
    causationId: envelope.data.causationId ?? null,
    actor: envelope.data.actor,
  };
}

/** The version a stream must be at for the append to go ahead, or undefined for `any`. */
export function requiredVersion(expected: ExpectedVersion): number | undefined {
  if (expected === 'any') return undefined;
  if (expected === 'noStream') return 0;
  return expected;
}
