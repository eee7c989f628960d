import { DIVERGENCES } from '@sluice/scheduler';
import { isoTimeSchema } from '@sluice/domain';
import { z } from '../openapi/zod';
import { policyBodySchema } from './definitionSchemas';

export const whatIfBodySchema = z
  .object({
    candidate: policyBodySchema.describe('The share policy to try, exactly as `PUT /v1/policy` takes it.'),
    from: isoTimeSchema.optional().describe('Leave out jobs submitted before this instant; default the first event.'),
    until: isoTimeSchema.optional().describe('Leave out events after this instant; default the last event.'),
  })
  .strict()
  .refine((body) => body.from === undefined || body.until === undefined || Date.parse(body.from) < Date.parse(body.until), {
    path: ['until'],
    message: 'must be after from',
  });

const distribution = z.object({
  count: z.number().int(),
  mean: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
});
const byDimension = z.record(z.string(), z.number());
const admissionSide = z.object({ at: z.string(), poolId: z.string(), reason: z.string() }).nullable();
const usageSample = z.object({ at: z.string(), used: byDimension });

const outcome = z.object({
  jobs: z.number().int(),
  admitted: z.number().int(),
  finished: z.number().int(),
  cancelled: z.number().int(),
  refused: z.number().int().describe('Admissions the aggregates refused; always 0 unless the engine is wrong.'),
  cycles: z.number().int(),
  wait: z
    .object({
      overall: distribution,
      byClass: z.record(z.string(), distribution),
      bySource: z.record(z.string(), distribution),
    })
    .describe('Seconds from submission to admission.'),
  utilization: z.object({ overall: byDimension, byPool: z.record(z.string(), byDimension) }),
  usageOverTime: z
    .record(z.string(), z.array(usageSample))
    .describe('Per pool: the capacity reserved, sampled at each recorded cycle.'),
  fairness: z.object({ jain: z.number().nullable(), contendedSeconds: z.number() }),
  boundedSlowdown: distribution,
});

const divergence = z.enum(Object.keys(DIVERGENCES) as [keyof typeof DIVERGENCES, ...(keyof typeof DIVERGENCES)[]]);

export const whatIfReportSchema = z.object({
  window: z.object({
    from: z.string(),
    until: z.string(),
    jobs: z.number().int(),
    pools: z.array(z.string()),
    cycles: z.number().int(),
    skipped: z.record(z.string(), z.number().int()),
  }),
  candidatePolicy: policyBodySchema,
  fidelity: z
    .object({
      recordedAdmissions: z.number().int(),
      reproduced: z.number().int(),
      fraction: z.number(),
      diverged: z.record(z.string(), z.number().int()),
      examples: z.array(z.object({ jobId: z.string(), divergence, recorded: z.string(), replayed: z.string() })),
      extraAdmissions: z.number().int(),
    })
    .describe('How closely the replay under the recorded policy reproduces the record: read it first.'),
  recorded: outcome,
  candidate: outcome,
  moved: z.array(
    z.object({
      jobId: z.string(),
      source: z.string(),
      priorityClass: z.string(),
      recorded: admissionSide,
      candidate: admissionSide,
      movedSeconds: z.number().nullable(),
    }),
  ),
});
