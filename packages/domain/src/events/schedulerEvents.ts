import { z } from 'zod';
import { identifierSchema, isoTimeSchema } from './common';

export const MAX_RECORDED_REASONS = 200;

const pendingReasonSchema = z.strictObject({
  jobId: identifierSchema,
  code: z.string().min(1).max(64),
  reason: z.string().min(1).max(2000),
});

/**
 * What one admission cycle saw and decided, so `explain` can re-run the policy on the replayed
 * snapshot and check it against what was recorded. Written only when a cycle admitted or cancelled
 * something, or the pending reasons changed; idle ticks leave no trace.
 */
export const admissionCycleCompletedSchema = z.strictObject({
  cycleId: z.string().min(1).max(128),
  scheduler: z.string().min(1).max(128),
  now: isoTimeSchema,
  /** The global position the snapshot's views were built up to. */
  snapshotPosition: z.number().int().nonnegative(),
  admitted: z.array(identifierSchema),
  cancelled: z.array(identifierSchema),
  /** Why the first jobs left pending stay pending, in queue order. */
  pending: z.array(pendingReasonSchema).max(MAX_RECORDED_REASONS),
  pendingTotal: z.number().int().nonnegative(),
});

export type AdmissionCycleCompletedData = z.infer<typeof admissionCycleCompletedSchema>;

/** v1 named the pending reasons `waiting` (and their count `waitingTotal`): one concept had two names. */
export const admissionCycleCompletedV1Schema = admissionCycleCompletedSchema
  .omit({ pending: true, pendingTotal: true })
  .extend({
    waiting: z.array(pendingReasonSchema).max(MAX_RECORDED_REASONS),
    waitingTotal: z.number().int().nonnegative(),
  });
