import type { HistoryAdmission, HistoryWorkload } from '../history/historyTypes';
import type { HistoryReplay, ReplayedAdmission } from './replayHistory';

/** Why a recorded admission was not reproduced exactly. */
export const DIVERGENCES = {
  outsideRecordedCycle: 'admitted outside any recorded cycle (by hand, or by a scheduler whose cycles are not in the window)',
  notAdmitted: 'the replay never admitted it',
  earlierCycle: 'the replay admitted it in an earlier cycle',
  laterCycle: 'the replay admitted it in a later cycle',
  otherPool: 'same cycle, another pool',
  otherOrder: 'same cycle and pool, another place in the cycle',
} as const;
export type Divergence = keyof typeof DIVERGENCES;

export interface Fidelity {
  /** Recorded admissions in the window, retry attempts included. */
  recordedAdmissions: number;
  /** Of those, reproduced in the same recorded cycle, on the same pool, at the same place in the cycle. */
  reproduced: number;
  /** reproduced / recordedAdmissions; 1 when nothing was admitted. */
  fraction: number;
  /** The rest, by why. */
  diverged: Partial<Record<Divergence, number>>;
  /** The first few that diverged, in record order, for a reader to follow up with `sluice explain`. */
  examples: { jobId: string; divergence: Divergence; recorded: string; replayed: string }[];
  /** Admissions the replay made of jobs the record never admitted. */
  extraAdmissions: number;
}

const EXAMPLES = 20;

/**
 * Compares the replay under the recorded policy with the record, admission by admission, retries
 * included (a job's n-th recorded admission against its n-th replayed one). Exact means the same
 * cycle, the same pool and the same place among the cycle's admissions: the order is the policy's
 * decision order, so a swap is a real difference even if both got in.
 */
export function fidelityOf(history: HistoryWorkload, replay: Pick<HistoryReplay, 'admissions' | 'laterAdmissions'>): Fidelity {
  const cycleOrder = new Map(history.cycles.map((cycle, i) => [cycle.cycleId, i]));
  const diverged: Fidelity['diverged'] = {};
  const examples: Fidelity['examples'] = [];
  let recordedAdmissions = 0;
  let reproduced = 0;
  let extraAdmissions = 0;
  const count = (divergence: Divergence, n = 1) => (diverged[divergence] = (diverged[divergence] ?? 0) + n);

  const compare = (jobId: string, recorded: HistoryAdmission | undefined, replayed: ReplayedAdmission | undefined) => {
    if (!recorded) {
      if (replayed) extraAdmissions += 1;
      return;
    }
    recordedAdmissions += 1;
    const divergence = divergenceOf(recorded, replayed, cycleOrder);
    if (!divergence) {
      reproduced += 1;
      return;
    }
    count(divergence);
    if (examples.length < EXAMPLES)
      examples.push({
        jobId,
        divergence,
        recorded: `${recorded.cycleId ?? 'no cycle'} #${recorded.rank} on ${recorded.poolId}`,
        replayed: replayed ? `${replayed.cycleId} #${replayed.rank} on ${replayed.poolId}` : 'not admitted',
      });
  };

  history.jobs.forEach((job, i) => {
    compare(job.jobId, job.admission, replay.admissions[i]);
    const later = replay.laterAdmissions[i] ?? [];
    for (let n = 0; n < Math.max(job.laterAdmissions.length, later.length); n++)
      compare(job.jobId, job.laterAdmissions[n], later[n]);
  });
  return {
    recordedAdmissions,
    reproduced,
    fraction: recordedAdmissions > 0 ? reproduced / recordedAdmissions : 1,
    diverged,
    examples,
    extraAdmissions,
  };
}

function divergenceOf(
  recorded: HistoryAdmission,
  replay: ReplayedAdmission | undefined,
  cycleOrder: Map<string, number>,
): Divergence | undefined {
  const recordedCycle = recorded.cycleId !== undefined ? cycleOrder.get(recorded.cycleId) : undefined;
  if (recordedCycle === undefined) return 'outsideRecordedCycle';
  if (!replay) return 'notAdmitted';
  if (replay.cycleId !== recorded.cycleId) {
    const replayCycle = cycleOrder.get(replay.cycleId);
    // A cycle of the replay's own (after an end the record did not have) sits between recorded ones by time.
    const earlier = replayCycle !== undefined ? replayCycle < recordedCycle : replay.atSeconds < recorded.atSeconds;
    return earlier ? 'earlierCycle' : 'laterCycle';
  }
  if (replay.poolId !== recorded.poolId) return 'otherPool';
  if (replay.rank !== recorded.rank) return 'otherOrder';
  return undefined;
}
