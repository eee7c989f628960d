import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/envelope';
import { replayAsOf } from '../projections/projection';
import { ESTIMATE_QUANTILE, HISTORY_HALF_LIFE_RUNS, HISTORY_RUNS, runHistoryView } from '../projections/runHistory';
import { eventLog } from '../testing/eventLog';
import { interpretWorkload, workloadStepArbitrary } from '../testing/randomWorkload';
import { decayedQuantile } from './decayedQuantile';

/** What a decision at `cut` may know: the runs that ended by then, read straight off the log. */
function runsEndedBy(events: StoredEvent[], cut: string): Map<string, number[]> {
  const cutMs = Date.parse(cut);
  const datasetOf = new Map<string, string>();
  const startedAt = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  for (const event of events) {
    if (Date.parse(event.recordedAt) > cutMs) continue;
    const jobId = (event.data as { jobId?: string }).jobId ?? '';
    if (event.type === 'JobSubmitted') datasetOf.set(jobId, `dataset:${event.data.source}/${event.data.dataset}`);
    if (event.type === 'JobStarted') startedAt.set(jobId, Date.parse(event.recordedAt));
    if (event.type === 'JobSucceeded' && startedAt.has(jobId)) {
      const seconds = (Date.parse(event.recordedAt) - (startedAt.get(jobId) ?? 0)) / 1000;
      const key = datasetOf.get(jobId) ?? '';
      if (seconds > 0) byKey.set(key, [...(byKey.get(key) ?? []), seconds].slice(-HISTORY_RUNS));
    }
  }
  return byKey;
}

describe('learned estimates', () => {
  it('never read the future: as of any instant they rest only on runs that ended by then', () => {
    const steps = fc.array(workloadStepArbitrary(), { minLength: 1, maxLength: 200, size: 'max' });
    fc.assert(
      fc.property(steps, fc.nat(), (workload, pick) => {
        const log = eventLog();
        const cuts = interpretWorkload(workload).map((batch) => {
          for (const append of batch.appends) log.record(append.streamId, append.events, batch.at);
          return batch.at;
        });
        if (cuts.length === 0) return;
        const cut = cuts[pick % cuts.length]!;
        const history = replayAsOf(runHistoryView, log.events, cut);
        const expected = runsEndedBy(log.events, cut);
        const learnedDatasets = Object.keys(history.learned).filter((key) => key.startsWith('dataset:'));
        expect(new Set(learnedDatasets)).toEqual(new Set(expected.keys()));
        for (const [key, durations] of expected) {
          expect(history.learned[key]).toEqual({
            seconds: decayedQuantile(durations, ESTIMATE_QUANTILE, HISTORY_HALF_LIFE_RUNS),
            runs: durations.length,
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
