import {
  eventIdSchema,
  jobFailedSchema,
  jobStartedSchema,
  jobSucceededSchema,
  poolCapacityReportedSchema,
} from '@sluice/domain';
import { problemSchema } from '../http/problem';
import { z } from '../openapi/zod';

const reported = <T extends string, S extends z.ZodType>(type: T, data: S) =>
  z.strictObject({
    type: z.literal(type),
    eventId: eventIdSchema
      .optional()
      .describe('ULID chosen by the sender; sending it again is a no-op that answers 200.'),
    data,
  });

/** What a backend or job runner reports: a job's progress, or a pool's observed usage. */
export const pipelineEventSchema = z
  .discriminatedUnion('type', [
    reported('JobStarted', jobStartedSchema),
    reported('JobSucceeded', jobSucceededSchema),
    reported('JobFailed', jobFailedSchema),
    reported('PoolCapacityReported', poolCapacityReportedSchema),
  ])
  .openapi('PipelineEvent');
export type PipelineEvent = z.output<typeof pipelineEventSchema>;

export const MAX_BATCH = 100;

export const eventBatchSchema = z
  .strictObject({ events: z.array(pipelineEventSchema).min(1).max(MAX_BATCH) })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.events.forEach((event, i) => {
      if (!event.eventId) return;
      if (seen.has(event.eventId))
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'eventId'],
          message: 'appears twice in the batch',
        });
      seen.add(event.eventId);
    });
  })
  .openapi('EventBatch');

export const itemResultSchema = z.object({
  index: z.number().int(),
  type: z.string(),
  status: z.number().int().describe('201 recorded, 200 already recorded, 404, 409 refused'),
  eventIds: z.array(z.string()).optional(),
  positions: z.array(z.number().int()).optional(),
  problem: problemSchema.optional(),
});
export type ItemResult = z.output<typeof itemResultSchema>;

export const batchResultSchema = z
  .object({
    accepted: z.number().int(),
    rejected: z.number().int(),
    results: z.array(itemResultSchema),
  })
  .openapi('EventBatchResult');
