import type { StoredEvent } from '@sluice/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { workloadFromHistory } from './history/workloadFromHistory';
import { parseCandidatePolicy } from './policy/parseCandidatePolicy';
import { recordedHistory } from './testing/recordedHistory';
import { whatIf } from './whatIf';

const JOBS = 2000;
const RECORDED_POLICY = { shares: { ingest: 2, reports: 1, ml: 1 }, classes: { high: 500, normal: 100, low: 50 } };

describe('whatIf on a history recorded by the reactor', () => {
  let events: StoredEvent[];
  beforeAll(async () => {
    events = await recordedHistory({ jobs: JOBS, meanGapSeconds: 30 });
  }, 240_000);

  it('reproduces at least 99 % of the recorded admissions under the recorded policy', { timeout: 240_000 }, () => {
    const report = whatIf({ events, candidate: RECORDED_POLICY });
    expect(report.window.jobs).toBe(JOBS);
    expect(report.fidelity.recordedAdmissions).toBeGreaterThan(JOBS * 0.9);
    expect(report.fidelity.fraction).toBeGreaterThanOrEqual(0.99);
    expect(report.recorded.refused).toBe(0);
    // The history is contended: a policy change has something to move.
    expect(report.recorded.wait.overall.p95).toBeGreaterThan(60);
  });

  it('a candidate that raises one source’s weight lowers that source’s waits', { timeout: 240_000 }, () => {
    const report = whatIf({ events, candidate: { ...RECORDED_POLICY, shares: { ingest: 2, reports: 8, ml: 1 } } });
    const before = report.recorded.wait.bySource.reports!;
    const after = report.candidate.wait.bySource.reports!;
    expect(after.mean).toBeLessThan(before.mean);
    expect(report.candidate.wait.bySource.ml!.mean).toBeGreaterThan(report.recorded.wait.bySource.ml!.mean);
    expect(report.moved.length).toBeGreaterThan(0);
    expect(report.moved[0]!.recorded?.reason ?? report.moved[0]!.candidate?.reason).toBeTruthy();
  });

  it('keeps to the window it is given', { timeout: 240_000 }, () => {
    const history = workloadFromHistory(events);
    const until = new Date(history.originMs + history.jobs[Math.floor(JOBS / 2)]!.arrival * 1000).toISOString();
    const half = workloadFromHistory(events, { until });
    expect(half.jobs.length).toBeGreaterThan(JOBS * 0.45);
    expect(half.jobs.length).toBeLessThan(JOBS * 0.55);
    expect(() => workloadFromHistory(events, { from: 'yesterday' })).toThrow('from: not an ISO instant');
  });
});

describe('parseCandidatePolicy', () => {
  it('names every field at fault, with the SharePolicySet schema', () => {
    const parsed = parseCandidatePolicy({ shares: { ingest: -1 }, agingSeconds: 'soon', colour: 'red' });
    expect(parsed.ok).toBe(false);
    const fields = parsed.ok ? [] : parsed.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['shares.ingest', 'agingSeconds', 'colour']));
    expect(parseCandidatePolicy('{not json').ok).toBe(false);
    expect(parseCandidatePolicy('{"shares":{"ingest":3}}')).toMatchObject({ ok: true, policy: { shares: { ingest: 3 }, defaultWeight: 1 } });
  });

  it('makes whatIf throw before any replay', () => {
    expect(() => whatIf({ events: [], candidate: { shares: { a: 0 } } })).toThrow(/shares\.a/);
  });
});
