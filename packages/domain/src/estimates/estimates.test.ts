import { describe, expect, it } from 'vitest';
import type { EventInput } from '../events/catalogue';
import { eventBuilder } from '../testing/builders';
import { eventLog as rawEventLog } from '../testing/eventLog';
import { rebuild } from '../projections/projection';
import { runHistoryView, HISTORY_RUNS } from '../projections/runHistory';
import { decayedQuantile } from './decayedQuantile';
import { estimateRun } from './estimateRun';

const T0 = Date.UTC(2026, 0, 1);

/** The validated log, fed plain `{type, data}` events with envelopes filled in. */
function eventLog() {
  const log = rawEventLog();
  const builder = eventBuilder();
  return {
    events: log.events,
    record: (streamId: string, events: unknown[], recordedAt: string) =>
      log.record(streamId, events.map((e) => builder.event(e as EventInput)), recordedAt),
  };
}
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const builder = eventBuilder();
const submission = (jobId: string, over: Record<string, unknown> = {}) => builder.jobSubmitted(jobId, over);

/** Jobs of one name run one after another for the given durations; returns the log. */
function runs(durations: number[], over: Record<string, unknown> = {}) {
  const log = eventLog();
  let clock = 0;
  durations.forEach((seconds, i) => {
    const jobId = `run-${i}`;
    log.record(`job-${jobId}`, [submission(jobId, { source: 'ingest', dataset: 'orders', jobName: 'orders-etl', ...over })], at(clock));
    log.record(`job-${jobId}`, [{ type: 'JobStarted', data: { jobId, runId: `r${i}` } }], at(clock + 1));
    log.record(`job-${jobId}`, [{ type: 'JobSucceeded', data: { jobId } }], at(clock + 1 + seconds));
    clock += seconds + 10;
  });
  return log;
}

describe('decayed quantile', () => {
  it('is the p90 of equal-weight runs when nothing decays', () => {
    const durations = Array.from({ length: 10 }, (_, i) => (i + 1) * 100);
    expect(decayedQuantile(durations, 0.9, Infinity)).toBe(900);
    expect(decayedQuantile([], 0.9, 8)).toBeUndefined();
  });

  it('follows the recent runs when a job gets slower', () => {
    const before = Array.from({ length: 12 }, () => 600);
    const slower = [...before, 1800, 1800, 1800, 1800];
    expect(decayedQuantile(before, 0.9, 8)).toBe(600);
    expect(decayedQuantile(slower, 0.9, 8)).toBe(1800);
    // One slow run among many moves it little.
    expect(decayedQuantile([...before, ...before, 1800], 0.9, 8)).toBe(600);
  });
});

describe('run history', () => {
  it('learns the duration from start to success, per job name and per dataset', () => {
    const history = rebuild(runHistoryView, runs([600, 620, 640]).events);
    expect(history.learned['job:orders-etl']).toEqual({ seconds: 640, runs: 3 });
    expect(history.learned['dataset:ingest/orders']).toEqual({ seconds: 640, runs: 3 });
    expect(history.active).toEqual({});
  });

  it('keeps the last runs only', () => {
    const history = rebuild(runHistoryView, runs(Array.from({ length: HISTORY_RUNS + 5 }, (_, i) => 100 + i)).events);
    expect(history.durations['job:orders-etl']).toHaveLength(HISTORY_RUNS);
    expect(history.durations['job:orders-etl']?.[0]).toBe(105);
  });

  it('learns nothing from runs that failed, were cancelled or timed out', () => {
    const log = eventLog();
    const submit = (jobId: string) =>
      log.record(
        `job-${jobId}`,
        [
          submission(jobId, { jobName: 'n' }),
          { type: 'JobStarted', data: { jobId, runId: 'r' } },
        ],
        at(0),
      );
    submit('failed');
    log.record('job-failed', [{ type: 'JobFailed', data: { jobId: 'failed', error: 'boom', retryable: false } }], at(50));
    submit('timed');
    log.record('job-timed', [{ type: 'JobTimedOut', data: { jobId: 'timed', afterSeconds: 60 } }], at(60));
    const history = rebuild(runHistoryView, log.events);
    expect(history.learned).toEqual({});
    expect(history.active).toEqual({});
  });
});

describe('estimateRun, for ad hoc work with no name', () => {
  it('falls back to the source’s runs once it has enough, then to the backend’s', () => {
    const log = runs([600, 600, 600, 600, 600]);
    log.record('job-adhoc', [submission('adhoc', { source: 'ingest', dataset: 'scratch' })], at(99_000));
    log.record('job-stranger', [submission('stranger', { source: 'other', dataset: 'x' })], at(99_000));
    const state = rebuild(runHistoryView, log.events);
    expect(estimateRun({ jobId: 'adhoc' }, state)).toMatchObject({ basis: 'learned', key: 'source:ingest', runs: 5 });
    // Five glue runs are too few to speak for every glue job.
    expect(estimateRun({ jobId: 'stranger' }, state)).toBeUndefined();
  });
});

describe('estimateRun', () => {
  const history = rebuild(runHistoryView, runs([600, 600, 600]).events);

  it('prefers the job name’s history to the declared estimate', () => {
    const log = runs([600, 600, 600]);
    log.record('job-new', [submission('new', { source: 'ingest', dataset: 'orders', jobName: 'orders-etl', estimateSeconds: 5000 })], at(9000));
    const withNew = rebuild(runHistoryView, log.events);
    expect(estimateRun({ jobId: 'new', estimateSeconds: 5000 }, withNew)).toEqual({
      seconds: 600,
      basis: 'learned',
      key: 'job:orders-etl',
      runs: 3,
    });
  });

  it('falls back to the declared estimate, then the dataset, then nothing', () => {
    const log = runs([600, 600, 600]);
    log.record('job-other', [submission('other', { source: 'ingest', dataset: 'orders', jobName: 'new-name' })], at(9000));
    log.record('job-alone', [submission('alone', { source: 'elsewhere', dataset: 'x' })], at(9000));
    const state = rebuild(runHistoryView, log.events);
    expect(estimateRun({ jobId: 'other', estimateSeconds: 90 }, state)).toEqual({ seconds: 90, basis: 'declared' });
    expect(estimateRun({ jobId: 'other' }, state)).toMatchObject({ basis: 'learned', key: 'dataset:ingest/orders' });
    expect(estimateRun({ jobId: 'alone' }, state)).toBeUndefined();
    expect(estimateRun({ jobId: 'unknown', estimateSeconds: 5 }, undefined)).toEqual({ seconds: 5, basis: 'declared' });
    expect(history.learned['job:orders-etl']?.runs).toBe(3);
  });
});
