import { z } from 'zod';
import type { EventInput, SluiceEvent } from './catalogue';
import { eventIdSchema, isoTimeSchema } from './common';

/** Envelope fields a writer supplies. The store adds streamId, version, position and recordedAt. */
export const newEventEnvelopeSchema = z.strictObject({
  eventId: eventIdSchema,
  type: z.string().min(1).max(128),
  schemaVersion: z.number().int().min(1).optional(),
  occurredAt: isoTimeSchema,
  correlationId: z.string().min(1).max(128).optional(),
  causationId: z.string().min(1).max(128).optional(),
  actor: z.string().min(1).max(256),
  data: z.unknown(),
});

export const streamIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must use only letters, digits, . _ : -');

interface WriterEnvelope {
  /** ULID; also the idempotency key: re-sending an event with the same id is a no-op. */
  eventId: string;
  /** Defaults to the type's current version; older versions are accepted and upcast on read. */
  schemaVersion?: number;
  occurredAt: string;
  correlationId?: string;
  causationId?: string;
  /** Who caused it: `api:<key id>`, `scheduler:<instance>`, `runner:<backend>`. */
  actor: string;
}

export type NewEvent = EventInput & WriterEnvelope;

export interface RecordedEnvelope {
  eventId: string;
  schemaVersion: number;
  streamId: string;
  /** 1, 2, … within the stream. */
  version: number;
  /** Position in the store's global order: strictly increasing in commit order, gaps allowed. */
  position: number;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  actor: string;
}

export type StoredEvent<E extends { type: string; data: unknown } = SluiceEvent> = E & RecordedEnvelope;
