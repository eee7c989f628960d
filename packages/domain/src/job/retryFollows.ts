/**
 * Whether a failure is followed by a retry. The decider emits the retry on this rule, and
 * projections use the same rule to know a failed job is coming back, without looking ahead.
 */
export function retryFollows(
  job: { attempt: number; maxAttempts: number; cancelRequested: boolean },
  retryable: boolean,
): boolean {
  return retryable && job.attempt < job.maxAttempts && !job.cancelRequested;
}
