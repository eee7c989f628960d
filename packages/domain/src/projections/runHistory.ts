import type { StoredEvent } from '../events/envelope';
import { decayedQuantile } from '../estimates/decayedQuantile';
import { historyKeysOf, type HistoryKeys } from '../estimates/historyKeys';
import { retryFollows } from '../job/retryFollows';
import type { Projection } from './projection';

/** Successful runs kept per history; older ones have decayed to little weight anyway. */
export const HISTORY_RUNS = 20;
/** Runs after which an older run weighs half as much as the newest. */
export const HISTORY_HALF_LIFE_RUNS = 8;
/** Planning on the 90th percentile: most runs end before their estimate, few run far past it. */
export const ESTIMATE_QUANTILE = 0.9;

export interface LearnedRunTime {
  /** Decayed p90 of the kept durations, in seconds. */
  seconds: number;
  /** How many runs it rests on. */
  runs: number;
}

/** A job Sluice knows and that has not ended: which histories its run will count towards. */
export interface TrackedJob {
  keys: HistoryKeys;
  timeoutSeconds?: number;
  startedAtMs?: number;
  attempt: number;
  maxAttempts: number;
  cancelRequested: boolean;
}

export interface RunHistoryState {
  /** Jobs submitted and not ended, by id. */
  active: Record<string, TrackedJob>;
  /** Per history key, the last successful run durations in seconds, oldest first. */
  durations: Record<string, number[]>;
  /** Per history key, the estimate those durations give, kept current so a cycle only looks it up. */
  learned: Record<string, LearnedRunTime>;
}

/**
 * How long past runs took, learned from the log: a run is the time from `JobStarted` to
 * `JobSucceeded` as recorded. Failed, cancelled and timed-out runs are not durations of a job that
 * did its work, so they teach nothing. Built from events alone, so a view folded up to an instant
 * knows only runs that ended by then: an estimate never reads the future.
 */
export const runHistoryView: Projection<RunHistoryState> = {
  name: 'runHistory',
  initialState: () => ({ active: {}, durations: {}, learned: {} }),
  evolve(state, event) {
    applyRunEvent(state, event);
    return state;
  },
};

function applyRunEvent(state: RunHistoryState, event: StoredEvent): void {
  if (!event.type.startsWith('Job')) return;
  const jobId = (event.data as { jobId: string }).jobId;
  const job = state.active[jobId];
  switch (event.type) {
    case 'JobSubmitted': {
      const d = event.data;
      state.active[jobId] = {
        keys: historyKeysOf(d),
        ...(d.timeoutSeconds !== undefined ? { timeoutSeconds: d.timeoutSeconds } : {}),
        attempt: 1,
        maxAttempts: d.maxAttempts,
        cancelRequested: false,
      };
      return;
    }
    case 'JobStarted':
      if (job) job.startedAtMs = Date.parse(event.recordedAt);
      return;
    case 'JobCancellationRequested':
      if (job) job.cancelRequested = true;
      return;
    case 'JobRetryScheduled':
      if (job) job.attempt = event.data.attempt;
      return;
    case 'JobSucceeded':
      if (job?.startedAtMs !== undefined) {
        const seconds = (Date.parse(event.recordedAt) - job.startedAtMs) / 1000;
        if (Number.isFinite(seconds) && seconds > 0) for (const key of Object.values(job.keys)) learn(state, key, seconds);
      }
      delete state.active[jobId];
      return;
    case 'JobFailed':
      if (!job) return;
      delete job.startedAtMs;
      if (!retryFollows(job, event.data.retryable)) delete state.active[jobId];
      return;
    case 'JobCancelled':
    case 'JobTimedOut':
      delete state.active[jobId];
      return;
  }
}

function learn(state: RunHistoryState, key: string, seconds: number): void {
  const kept = state.durations[key] ?? [];
  kept.push(seconds);
  if (kept.length > HISTORY_RUNS) kept.splice(0, kept.length - HISTORY_RUNS);
  state.durations[key] = kept;
  const quantile = decayedQuantile(kept, ESTIMATE_QUANTILE, HISTORY_HALF_LIFE_RUNS);
  if (quantile !== undefined) state.learned[key] = { seconds: quantile, runs: kept.length };
}
