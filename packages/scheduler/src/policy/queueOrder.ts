import type { Candidates } from './candidates';
import type { ClassLadder } from './classLadder';
import { agingCeiling, agingScore, effectiveLevel } from './effectivePriority';

/** One source's jobs within one effective level: a run of `order`. */
export interface SourceRun {
  source: number;
  start: number;
  end: number;
}

export interface LevelRuns {
  level: number;
  /**
   * Jobs past their aging bound at this level, in one run by score across sources: past the
   * bound it is first come, first served, so no later job of a class below the top overtakes them.
   */
  starved: boolean;
  runs: SourceRun[];
}

/**
 * The candidates sorted once into runs: effective level from highest; within a level, first the
 * starved jobs by aging score, then the others by source name, aging score, submission position
 * and job id. Which source run goes next within a level is fair share's choice.
 */
export interface QueueOrder {
  readonly level: Int32Array;
  /** 1 for each source's longest-waiting job past its aging bound. */
  readonly starved: Uint8Array;
  /** Candidate indices in that order. */
  readonly order: number[];
  readonly levels: readonly LevelRuns[];
}

export function queueOrder(
  candidates: Candidates,
  ladder: ClassLadder,
  nowMs: number,
  agingSeconds: number,
): QueueOrder {
  const { jobs, priority, enqueuedMs, position, source } = candidates;
  const count = jobs.length;
  const score = new Float64Array(count);
  const level = new Int32Array(count);
  const starved = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const waitedSeconds = (nowMs - (enqueuedMs[i] ?? nowMs)) / 1000;
    // An unreadable enqueue time must not turn into NaN and break the sort: it simply does not age.
    const base = ladder.levelOf(priority[i] ?? 0);
    const ceiling = agingCeiling(base, ladder.top);
    score[i] = agingScore(base, Number.isNaN(waitedSeconds) ? 0 : waitedSeconds, agingSeconds);
    level[i] = effectiveLevel(score[i] ?? 0, ceiling);
    starved[i] = Math.floor(score[i] ?? 0) > ceiling ? 1 : 0;
  }
  keepEachSourcesOldest(starved, score, position, source);
  // One comparison sort on a plain array: V8 sorts those with TimSort, which runs in near-linear
  // time on the queue's natural, mostly submission-ordered input.
  const order: number[] = [];
  for (let i = 0; i < count; i++) order.push(i);
  order.sort(
    (a, b) =>
      (level[b] ?? 0) - (level[a] ?? 0) ||
      (starved[b] ?? 0) - (starved[a] ?? 0) ||
      (starved[a] ? 0 : (source[a] ?? 0) - (source[b] ?? 0)) ||
      (score[b] ?? 0) - (score[a] ?? 0) ||
      (position[a] ?? 0) - (position[b] ?? 0) ||
      compareIds(jobs[a]?.jobId ?? '', jobs[b]?.jobId ?? ''),
  );
  return { level, starved, order, levels: runsOf(order, level, starved, source) };
}

/**
 * Starvation is guarded per source: only each source's longest-waiting job past its bound is
 * served first come, first served (and may hold a pool for it). A source that floods the queue
 * would otherwise put all its aged jobs ahead of everyone else's, which is the noisy neighbour
 * fair share exists to stop; its other jobs wait their turn by share, behind its oldest.
 */
function keepEachSourcesOldest(
  starved: Uint8Array,
  score: Float64Array,
  position: Float64Array,
  source: Int32Array,
): void {
  const oldest = new Map<number, number>();
  for (let i = 0; i < starved.length; i++) {
    if (!starved[i]) continue;
    const src = source[i] ?? 0;
    const best = oldest.get(src);
    if (
      best === undefined ||
      (score[i] ?? 0) > (score[best] ?? 0) ||
      ((score[i] ?? 0) === (score[best] ?? 0) && (position[i] ?? 0) < (position[best] ?? 0))
    )
      oldest.set(src, i);
  }
  starved.fill(0);
  for (const i of oldest.values()) starved[i] = 1;
}

function runsOf(order: readonly number[], level: Int32Array, starved: Uint8Array, source: Int32Array): LevelRuns[] {
  const levels: LevelRuns[] = [];
  let start = 0;
  while (start < order.length) {
    const first = order[start] ?? 0;
    const runLevel = level[first] ?? 0;
    const runStarved = starved[first] === 1;
    const runSource = source[first] ?? 0;
    let end = start + 1;
    while (end < order.length) {
      const next = order[end] ?? 0;
      if (level[next] !== runLevel || (starved[next] === 1) !== runStarved) break;
      if (!runStarved && source[next] !== runSource) break;
      end++;
    }
    const last = levels[levels.length - 1];
    const run = { source: runSource, start, end };
    if (last && last.level === runLevel && last.starved === runStarved) last.runs.push(run);
    else levels.push({ level: runLevel, starved: runStarved, runs: [run] });
    start = end;
  }
  return levels;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
