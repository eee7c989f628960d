import type { z } from 'zod';
import type { ResourceVector } from '../resources/resourceVector';
import type { RunEstimate, jobSubmittedSchema } from '../events/jobEvents';

/** Commands carry the time they are decided at: the domain never reads a clock. */
export type JobCommand =
  | { type: 'SubmitJob'; data: z.input<typeof jobSubmittedSchema> }
  | {
      type: 'AdmitJob';
      poolId: string;
      reservation: ResourceVector;
      reason: string;
      now: string;
      cycleId?: string;
      estimate?: RunEstimate;
    }
  | { type: 'StartJob'; runId: string }
  | { type: 'CompleteJob'; runId?: string }
  | { type: 'FailJob'; error: string; retryable: boolean; now: string }
  | { type: 'CancelJob'; reason: string }
  | { type: 'ConfirmCancellation'; reason: string }
  | { type: 'TimeOutJob'; afterSeconds: number };
