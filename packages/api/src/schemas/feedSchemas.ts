import { canonicalStreamId, streamIdSchema } from '@sluice/domain';
import { z } from '../openapi/zod';
import { listLimit } from './common';

export const storedEventSchema = z
  .object({
    eventId: z.string(),
    type: z.string(),
    schemaVersion: z.number().int(),
    streamId: z.string(),
    version: z.number().int(),
    position: z.number().int(),
    occurredAt: z.string(),
    recordedAt: z.string(),
    correlationId: z.string(),
    causationId: z.string().nullable(),
    actor: z.string(),
    data: z.unknown(),
  })
  .openapi('StoredEvent');

export const streamParams = z.object({ streamId: streamIdSchema.transform(canonicalStreamId) });
export const streamQuery = z.object({
  fromVersion: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1),
  limit: listLimit(),
});
export const streamPageSchema = z
  .object({
    streamId: z.string(),
    currentVersion: z.number().int(),
    events: z.array(storedEventSchema),
    next: z.string().optional(),
  })
  .openapi('StreamPage');

export const feedQuery = z.object({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .default(0)
    .describe('Return events after this global position.'),
  limit: listLimit(),
});
export const feedPageSchema = z
  .object({
    events: z.array(storedEventSchema),
    lastPosition: z.number().int(),
    isEnd: z.boolean(),
    next: z.string(),
  })
  .openapi('FeedPage');
