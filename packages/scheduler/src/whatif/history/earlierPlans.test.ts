import type { NewEvent, StoredEvent } from '@sluice/domain';
import { eventBuilder, eventLog } from '@sluice/domain/testing';
import { describe, expect, it } from 'vitest';
import { earlierPlans } from './earlierPlans';

const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(T0 + ms).toISOString();

/** Records each event at its own `recordedAt`, as a store appending them one by one would. */
function record(steps: { streamId: string; event: NewEvent; recordedAtMs: number }[]): StoredEvent[] {
  const log = eventLog();
  for (const step of steps) log.record(step.streamId, [step.event], iso(step.recordedAtMs));
  return log.events;
}

describe('earlierPlans', () => {
  const build = eventBuilder({ epochMs: T0 });
  const admitted = (jobId: string, cycleId: string, atMs: number) =>
    build.event({ type: 'JobAdmitted', data: { jobId, poolId: 'glue-prod', reservation: { runs: 1 }, reason: 'fits', cycleId } }, iso(atMs));

  // Cycle c1 plans at 1 000 ms and writes a's admission; the runner's append in between makes the
  // rest of that plan stale, and the cycle plans again at 2 000 ms, writing b's.
  const events = record([
    { streamId: 'job-a', event: build.jobSubmitted('a'), recordedAtMs: 0 },
    { streamId: 'job-b', event: build.jobSubmitted('b'), recordedAtMs: 10 },
    // Recorded after the first plan read the feed, though below its admission: not in its snapshot.
    { streamId: 'job-c', event: build.jobSubmitted('c'), recordedAtMs: 1_001 },
    { streamId: 'job-a', event: admitted('a', 'c1', 1_000), recordedAtMs: 1_005 },
    { streamId: 'job-b', event: admitted('b', 'c1', 2_000), recordedAtMs: 2_005 },
  ]);
  const cycle = { cycleId: 'c1', now: iso(2_000), atSeconds: 2, snapshotPosition: 4 };

  it('finds the earlier plan by its admissions’ instant, with the snapshot it ran on and what it wrote', () => {
    const plans = earlierPlans(events, [cycle], (ms) => (ms - T0) / 1000);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ kind: 'plan', seq: 2.5, atSeconds: 1, cycle });
    expect([...plans[0]!.written]).toEqual(['a']);
  });

  it('finds none in a cycle that planned once, nor in a cycle it is not given', () => {
    const planOnce = events.filter((e) => !(e.type === 'JobAdmitted' && e.data.jobId === 'a'));
    expect(earlierPlans(planOnce, [cycle], (ms) => ms)).toEqual([]);
    expect(earlierPlans(events, [], (ms) => ms)).toEqual([]);
  });
});
