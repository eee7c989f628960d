import { z } from 'zod';

/** `spec` of a Step Functions job: a whole ingestion pipeline as one unit of work. */
export const stepFunctionsSpecSchema = z.object({
  stateMachineArn: z.string().startsWith('arn:'),
  /** The execution input; Sluice adds `sluice: { jobId, attempt }` to it. */
  input: z.record(z.string(), z.unknown()).default({}),
  traceHeader: z.string().max(256).optional(),
});

/** Pool `config` of a Step Functions pool. */
export const stepFunctionsPoolSchema = z.object({
  stateMachineArns: z.array(z.string().startsWith('arn:')).min(1),
  /** Concurrent executions the pool allows, reported as its `runs` capacity. */
  maxConcurrentExecutions: z.number().int().positive().optional(),
});

export type StepFunctionsSpec = z.output<typeof stepFunctionsSpecSchema>;
