import type { RunEstimate } from '../events/jobEvents';
import type { RunHistoryState } from '../projections/runHistory';

/** Coarse histories count only once they hold this many runs: the coarser, the more. */
export const DATASET_MIN_RUNS = 3;
export const SOURCE_MIN_RUNS = 5;
export const BACKEND_MIN_RUNS = 10;

/**
 * The run time to plan a job on, most trusted first: the history of its template or job name
 * (the same job, run after run), then the submitter's `estimateSeconds`, then the history of its
 * source's dataset, then of its source, then its timeout (it cannot run longer), then the history
 * of its backend. Undefined when nothing is known: the policy then treats its end as unknown.
 */
export function estimateRun(
  job: { jobId: string; estimateSeconds?: number },
  history: RunHistoryState | undefined,
): RunEstimate | undefined {
  const tracked = history?.active[job.jobId];
  const learnedFrom = (key: string | undefined, minRuns: number): RunEstimate | undefined => {
    const learned = key === undefined ? undefined : history?.learned[key];
    return learned && learned.runs >= minRuns
      ? { seconds: learned.seconds, basis: 'learned', key: key!, runs: learned.runs }
      : undefined;
  };
  return (
    learnedFrom(tracked?.keys.template, 1) ??
    learnedFrom(tracked?.keys.jobName, 1) ??
    (job.estimateSeconds !== undefined ? { seconds: job.estimateSeconds, basis: 'declared' } : undefined) ??
    learnedFrom(tracked?.keys.dataset, DATASET_MIN_RUNS) ??
    learnedFrom(tracked?.keys.source, SOURCE_MIN_RUNS) ??
    (tracked?.timeoutSeconds !== undefined ? { seconds: tracked.timeoutSeconds, basis: 'timeout' } : undefined) ??
    learnedFrom(tracked?.keys.backend, BACKEND_MIN_RUNS)
  );
}
