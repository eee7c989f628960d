import type { Release } from './runningReleases';
import { DIMENSION_COUNT, EPSILON } from './resourceAmounts';

/**
 * What one pool has free from now on, as a step function of planned time: it starts from what is
 * free now, grows as running jobs are expected to end and shrinks wherever a job is planned. Both
 * backfill baselines plan on it: EASY to date its one reservation, conservative backfill to fit
 * every queued job in turn around the ones before it.
 */
export interface AvailabilityProfile {
  /**
   * The earliest instant from now at which `demand` stays free for `durationMs` without a break
   * (Infinity: to the end of the plan); Infinity when no such instant is planned.
   */
  earliestStart(demand: Float64Array, durationMs: number): number;
  /** What is free at an instant (a copy). */
  freeAt(atMs: number): Float64Array;
  /** Plans `demand` as taken over [startMs, endMs); endMs Infinity takes it for ever. */
  hold(startMs: number, endMs: number, demand: Float64Array): void;
}

export function availabilityProfile(
  nowMs: number,
  freeNow: Float64Array,
  releases: readonly Release[],
): AvailabilityProfile {
  // free[i] holds over [times[i], times[i + 1]); the last step lasts for ever.
  const times: number[] = [nowMs];
  const free: Float64Array[] = [Float64Array.from(freeNow)];
  const known = releases.filter((r) => Number.isFinite(r.endMs)).sort((a, b) => a.endMs - b.endMs);
  for (const release of known) {
    const at = Math.max(nowMs, release.endMs);
    let last = free[free.length - 1]!;
    if (at > times[times.length - 1]!) {
      last = Float64Array.from(last);
      times.push(at);
      free.push(last);
    }
    for (let d = 0; d < DIMENSION_COUNT; d++) last[d] = last[d]! + release.amount[d]!;
  }

  /** The step in force at `atMs`. */
  const stepAt = (atMs: number): number => {
    let low = 0;
    let high = times.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (times[mid]! <= atMs) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  /** Makes `atMs` the first instant of a step and returns that step. */
  const splitAt = (atMs: number): number => {
    const i = stepAt(atMs);
    if (times[i] === atMs || atMs < nowMs) return i;
    times.splice(i + 1, 0, atMs);
    free.splice(i + 1, 0, Float64Array.from(free[i]!));
    return i + 1;
  };

  return {
    earliestStart(demand, durationMs) {
      // Most demands use two or three dimensions: the scan below checks only those, on every step.
      const used: number[] = [];
      for (let d = 0; d < DIMENSION_COUNT; d++) if (demand[d]! > EPSILON) used.push(d);
      let from = -1;
      for (let i = 0; i < times.length; i++) {
        const step = free[i]!;
        let fits = true;
        for (const d of used) {
          if (demand[d]! > step[d]! + EPSILON) {
            fits = false;
            break;
          }
        }
        if (!fits) {
          from = -1;
          continue;
        }
        if (from < 0) from = i;
        const stepEnd = i + 1 < times.length ? times[i + 1]! : Infinity;
        if (stepEnd - times[from]! >= durationMs) return times[from]!;
      }
      return Infinity;
    },
    freeAt(atMs) {
      return Float64Array.from(free[stepAt(atMs)]!);
    },
    hold(startMs, endMs, demand) {
      const start = Math.max(nowMs, startMs);
      if (!(endMs > start)) return;
      const first = splitAt(start);
      const end = Number.isFinite(endMs) ? splitAt(endMs) : times.length;
      for (let i = first; i < end; i++) {
        const step = free[i]!;
        for (let d = 0; d < DIMENSION_COUNT; d++) step[d] = step[d]! - demand[d]!;
      }
    },
  };
}
