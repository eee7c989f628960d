import { describe, expect, it } from 'vitest';
import { decideReconciliation, type BelievedRun } from './reconcileDecisions';

const NOW = '2026-01-01T00:00:00.000Z';
const run = (cancelRequested = false): BelievedRun => ({
  jobId: 'j',
  backend: 'glue',
  poolId: 'p',
  runId: 'etl/jr_1',
  cancelRequested,
});

describe('decideReconciliation', () => {
  it.each(['queued', 'starting', 'running'] as const)('leaves a %s run alone', (state) => {
    expect(decideReconciliation(run(), { kind: 'status', status: { state } }, NOW)).toBeUndefined();
  });

  it('records what ended unreported', () => {
    expect(
      decideReconciliation(run(), { kind: 'status', status: { state: 'succeeded' } }, NOW)?.command,
    ).toEqual({ type: 'CompleteJob', runId: 'etl/jr_1' });
    expect(
      decideReconciliation(
        run(),
        { kind: 'status', status: { state: 'failed', reason: 'OOM', retryable: true } },
        NOW,
      )?.command,
    ).toEqual({
      type: 'FailJob',
      error: 'OOM',
      retryable: true,
      now: NOW,
    });
  });

  it('confirms a requested cancellation, and fails a run stopped outside Sluice for good', () => {
    expect(
      decideReconciliation(
        run(true),
        { kind: 'status', status: { state: 'cancelled', reason: 'stopped' } },
        NOW,
      )?.command,
    ).toEqual({
      type: 'ConfirmCancellation',
      reason: 'stopped',
    });
    expect(
      decideReconciliation(run(false), { kind: 'status', status: { state: 'cancelled' } }, NOW)?.command,
    ).toMatchObject({ type: 'FailJob', retryable: false });
  });

  it('fails a lost run for good, unless its cancellation was asked for', () => {
    expect(
      decideReconciliation(run(), { kind: 'missing', detail: 'glue has no run etl/jr_1' }, NOW)?.command,
    ).toEqual({
      type: 'FailJob',
      error: 'run lost: glue has no run etl/jr_1',
      retryable: false,
      now: NOW,
    });
    expect(decideReconciliation(run(true), { kind: 'missing', detail: 'gone' }, NOW)?.command.type).toBe(
      'ConfirmCancellation',
    );
  });

  it('decides nothing when the backend could not be asked', () => {
    expect(decideReconciliation(run(), { kind: 'unavailable', detail: 'throttled' }, NOW)).toBeUndefined();
  });
});
