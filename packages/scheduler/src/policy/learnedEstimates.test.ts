import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { snapshotBuilder } from '../testing/snapshotBuilder';

/** Three past runs of `orders-etl`, 10 minutes each, then a full pool with a critical job waiting. */
function withHistory() {
  const b = snapshotBuilder();
  b.pool('glue-prod', { capacity: { runs: 2 }, quotas: {} });
  for (let i = 0; i < 3; i++) {
    b.at(`2026-01-01T0${i}:00:00.000Z`);
    b.submit(`past-${i}`, { jobName: 'orders-etl' }).admit(`past-${i}`, 'glue-prod').start(`past-${i}`);
    b.at(`2026-01-01T0${i}:10:00.000Z`).finish(`past-${i}`);
  }
  b.at('2026-01-01T05:00:00.000Z');
  b.submit('running', { jobName: 'orders-etl' }).admit('running', 'glue-prod').start('running');
  return b;
}

describe('learned estimates in a cycle', () => {
  it('plans a job with no declared estimate on its name’s past runs, and records that with the admission', () => {
    const b = withHistory();
    b.submit('next', { jobName: 'orders-etl' });
    const [admission] = admissionCycle(b.snapshot('2026-01-01T05:01:00.000Z')).admissions;
    expect(admission?.estimate).toMatchObject({ basis: 'learned', key: 'job:orders-etl', runs: 3 });
    expect(admission?.estimate?.seconds).toBeCloseTo(600, -1);
    expect(admission?.reason).toMatch(/planned on 9m5\ds, p90 of 3 runs of job:orders-etl/);
  });

  it('times a reservation from the learned run time of what is in flight', () => {
    const b = withHistory();
    b.submit('filler', { jobName: 'other', source: 'adhoc', dataset: 'scratch' }).admit('filler', 'glue-prod').start('filler');
    b.submit('wide', { priorityClass: 'critical', priority: 1000, demand: { runs: 2 } });
    b.submit('short', { jobName: 'orders-etl' });
    const result = admissionCycle(b.snapshot('2026-01-01T05:01:00.000Z'));
    // `filler` has no history, so the start stays unknown; `running` alone would end at 05:10.
    expect(result.reservations).toEqual([{ jobId: 'wide', poolId: 'glue-prod', waitingOn: ['runs'] }]);
  });

  it('lets a job whose history says it ends in time pass a reservation with a known start', () => {
    const b = withHistory();
    b.submit('second', { jobName: 'orders-etl' }).admit('second', 'glue-prod').start('second');
    b.submit('wide', { priorityClass: 'critical', priority: 1000, demand: { runs: 2 } });
    const reserved = admissionCycle(b.snapshot('2026-01-01T05:01:00.000Z')).reservations;
    expect(reserved).toEqual([
      { jobId: 'wide', poolId: 'glue-prod', startsAt: expect.stringMatching(/^2026-01-01T05:10/), waitingOn: ['runs'] },
    ]);
  });
});
