import type { HistoryJob } from '../history/historyTypes';
import type { ReplayedAdmission } from '../replay/replayHistory';

export interface AdmissionSide {
  at: string;
  poolId: string;
  reason: string;
}

/** A job whose admission the candidate moved: both admissions, and by how much (candidate − recorded). */
export interface MovedJob {
  jobId: string;
  source: string;
  priorityClass: string;
  recorded: AdmissionSide | null;
  candidate: AdmissionSide | null;
  /** Seconds later (positive) or earlier (negative) under the candidate; null when one side never admitted it. */
  movedSeconds: number | null;
}

/**
 * The jobs the candidate moved most, against the replay under the recorded policy (the same engine
 * on both sides, so the difference is the policy's): first those admitted on one side only, then by
 * the size of the move.
 */
export function movedJobs(
  jobs: readonly HistoryJob[],
  recorded: readonly (ReplayedAdmission | undefined)[],
  candidate: readonly (ReplayedAdmission | undefined)[],
  isoAt: (seconds: number) => string,
  limit: number,
): MovedJob[] {
  const side = (a: ReplayedAdmission | undefined): AdmissionSide | null =>
    a ? { at: isoAt(a.atSeconds), poolId: a.poolId, reason: a.reason } : null;
  const moved: MovedJob[] = [];
  jobs.forEach((job, i) => {
    const before = recorded[i];
    const after = candidate[i];
    if (!before && !after) return;
    const movedSeconds = before && after ? after.atSeconds - before.atSeconds : null;
    if (movedSeconds === 0 && before?.poolId === after?.poolId) return;
    moved.push({ jobId: job.jobId, source: job.source, priorityClass: job.priorityClass, recorded: side(before), candidate: side(after), movedSeconds });
  });
  const size = (m: MovedJob) => (m.movedSeconds === null ? Infinity : Math.abs(m.movedSeconds));
  return moved.sort((a, b) => size(b) - size(a)).slice(0, limit);
}
