import { eventIdSchema, identifierSchema, jobSubmittedSchema, type JobStatus } from '@sluice/domain';
import { z } from '../openapi/zod';
import { linksSchema, listLimit } from './common';

export const JOB_STATUSES = [
  'queued',
  'admitted',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timedOut',
] as const satisfies readonly JobStatus[];

const submittedFields = jobSubmittedSchema.omit({ jobId: true, priority: true, template: true });

const waitForPoolsSchema = z
  .boolean()
  .optional()
  .describe(
    'Queue the job even if a pool it names is not registered yet; it waits until the pool appears. Without it, unknown pools are a 400.',
  );

/** A job given in full. The priority value comes from the policy's classes, never from the client. */
export const directSubmissionSchema = submittedFields
  .extend({
    spec: submittedFields.shape.spec
      .default({})
      .describe('Backend-specific settings (Glue job name and arguments, EMR step, Batch array size…); {} when none.'),
    waitForPools: waitForPoolsSchema,
    eventId: eventIdSchema
      .optional()
      .describe(
        'Client-chosen event id (ULID); doubles as the idempotency key when no Idempotency-Key header is sent.',
      ),
  })
  .openapi('JobSubmission');

/** Overrides carry no defaults: a default here would silently replace the template's value. */
const overridesSchema = z
  .strictObject({
    ...submittedFields.shape,
    maxAttempts: z.number().int().min(1).max(100),
  })
  .partial();

/** A job made from a template: the template's fields, then the overrides on top (spec merged key by key). */
export const templateSubmissionSchema = z
  .strictObject({
    eventId: eventIdSchema.optional(),
    waitForPools: waitForPoolsSchema,
    template: identifierSchema,
    overrides: overridesSchema.default({}),
  })
  .openapi('TemplateJobSubmission');

export const jobSubmissionSchema = z.union([directSubmissionSchema, templateSubmissionSchema]);
export type JobSubmissionBody = z.output<typeof jobSubmissionSchema>;

/** The form is told by the `template` key, so errors speak about the form the client meant. */
export function submissionSchemaFor(raw: unknown): z.ZodType<JobSubmissionBody> {
  const isTemplate = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'template' in raw;
  return isTemplate ? templateSubmissionSchema : directSubmissionSchema;
}

export const submitHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'must be 1-255 visible ASCII characters')
    .optional()
    .describe(
      'Retrying with the same key and body returns the first answer; the same key with another body is a 409.',
    ),
  'x-correlation-id': z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'must be visible ASCII')
    .optional(),
});

export const jobAcceptedSchema = z
  .object({
    jobId: z.string(),
    status: z.enum(JOB_STATUSES),
    /** 1-based place in the queue while queued. */
    position: z.number().int().nullable(),
    links: linksSchema,
  })
  .openapi('JobAccepted');

const timelineEntrySchema = z.object({
  at: z.string(),
  type: z.string(),
  version: z.number().int(),
  position: z.number().int(),
  detail: z.string().optional(),
});

export const pendingReasonSchema = z
  .object({ code: z.string(), reason: z.string() })
  .openapi('PendingReason');

export const jobSummarySchema = z
  .object({
    jobId: z.string(),
    status: z.enum(JOB_STATUSES),
    source: z.string(),
    dataset: z.string(),
    priorityClass: z.string(),
    priority: z.number(),
    demand: z.record(z.string(), z.number()),
    backend: z.string(),
    pools: z.array(z.string()),
    poolId: z.string().optional(),
    runId: z.string().optional(),
    attempt: z.number().int(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    lastError: z.string().optional(),
    cancelRequested: z.boolean(),
  })
  .openapi('JobSummary');

export const jobDetailSchema = jobSummarySchema
  .extend({
    timeline: z.array(timelineEntrySchema),
    queuePosition: z.number().int().optional(),
    pendingReason: pendingReasonSchema.optional(),
    links: linksSchema,
  })
  .openapi('JobDetail');

export const jobListQuery = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  source: identifierSchema.optional(),
  cursor: z.string().max(200).optional().describe('`next` of the previous page.'),
  limit: listLimit(),
});

export const jobListSchema = z
  .object({
    jobs: z.array(jobSummarySchema),
    total: z.number().int().nonnegative().describe('Jobs matching the filters, on every page.'),
    next: z.string().optional().describe('Cursor of the next page; missing on the last.'),
  })
  .openapi('JobList');

export const cancelQuery = z.object({ reason: z.string().min(1).max(2000).optional() });

export const cancelResultSchema = z
  .object({ jobId: z.string(), status: z.enum(JOB_STATUSES), cancelRequested: z.boolean() })
  .openapi('CancelResult');
