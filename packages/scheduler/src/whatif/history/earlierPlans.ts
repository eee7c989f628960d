import type { StoredEvent } from '@sluice/domain';
import type { RecordedCycle, TimelineItem } from './historyTypes';

type PlanItem = Extract<TimelineItem, { kind: 'plan' }>;

/**
 * The plans of recorded cycles that re-planned. A cycle whose write met a conflict (another writer
 * appended to a pool stream it read, such as the runner releasing a finished job) keeps what it
 * wrote and plans again on a fresh snapshot; the cycle's record names only the last plan's instant
 * and snapshot. An earlier plan shows in its admissions, which carry its own instant: it ran at
 * that instant on the feed as it stood then (every event recorded by that instant, below its first
 * admission), and only the admissions the record holds for it got written.
 */
export function earlierPlans(
  ordered: readonly StoredEvent[],
  cycles: readonly RecordedCycle[],
  seconds: (ms: number) => number,
): PlanItem[] {
  const cycleNow = new Map(cycles.map((cycle) => [cycle.cycleId, cycle]));
  const plans = new Map<string, { cycle: RecordedCycle; now: string; firstIndex: number; written: Set<string> }>();
  ordered.forEach((event, index) => {
    if (event.type !== 'JobAdmitted' || event.data.cycleId === undefined) return;
    const cycle = cycleNow.get(event.data.cycleId);
    if (!cycle || event.occurredAt === cycle.now) return;
    const key = `${cycle.cycleId} ${event.occurredAt}`;
    const plan = plans.get(key) ?? { cycle, now: event.occurredAt, firstIndex: index, written: new Set<string>() };
    plan.written.add(event.data.jobId);
    plans.set(key, plan);
  });
  return [...plans.values()].map(({ cycle, now, firstIndex, written }) => {
    let snapshot = firstIndex - 1;
    while (snapshot >= 0 && ordered[snapshot]!.recordedAt > now) snapshot -= 1;
    const snapshotPosition = snapshot >= 0 ? ordered[snapshot]!.position : 0;
    return { kind: 'plan', seq: snapshotPosition + 0.5, atSeconds: seconds(Date.parse(now)), cycle, written };
  });
}
