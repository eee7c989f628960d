import type { HistoryJob } from './historyTypes';

/** Used when nothing in the window ran to the end: a job with no history still has to end. */
const FALLBACK_RUN_SECONDS = 60;

/**
 * The run time given to a job that never ran to its end in the record (still pending, cancelled
 * before it started, or running at the window's end): its declared estimate, else the median
 * recorded run time of its source's jobs, else of all jobs. Such jobs count in the wait figures but
 * not in bounded slowdown, which would otherwise rest on a guess.
 */
export function learnedRunTime(jobs: readonly HistoryJob[]): (job: HistoryJob) => number {
  const bySource = new Map<string, number[]>();
  const all: number[] = [];
  for (const job of jobs) {
    if (!job.runTimeKnown || job.runSeconds === undefined) continue;
    all.push(job.runSeconds);
    const runs = bySource.get(job.source) ?? [];
    runs.push(job.runSeconds);
    bySource.set(job.source, runs);
  }
  const overall = median(all) ?? FALLBACK_RUN_SECONDS;
  const medians = new Map([...bySource].map(([source, runs]) => [source, median(runs) ?? overall]));
  return (job) => job.submitted.estimateSeconds ?? medians.get(job.source) ?? overall;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
