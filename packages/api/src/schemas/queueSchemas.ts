import { z } from '../openapi/zod';
import { listLimit } from './common';
import { pendingReasonSchema } from './jobSchemas';

export const queueQuery = z.object({ limit: listLimit() });

const queueEntrySchema = z.object({
  position: z.number().int(),
  jobId: z.string(),
  source: z.string(),
  dataset: z.string(),
  priorityClass: z.string(),
  priority: z.number(),
  demand: z.record(z.string(), z.number()),
  pools: z.array(z.string()),
  attempt: z.number().int(),
  submittedAt: z.string(),
  enqueuedAt: z.string(),
  notBefore: z.string().optional(),
  cancelRequested: z.boolean(),
  pendingReason: pendingReasonSchema.optional(),
});

export const queueSchema = z
  .object({
    total: z.number().int(),
    inFlight: z.number().int(),
    jobs: z.array(queueEntrySchema),
    asOf: z.string().optional(),
  })
  .openapi('Queue');
