import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { snapshotBuilder } from '../testing/snapshotBuilder';

describe('multi-dimensional fit', () => {
  function busyPool() {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 50, dpu: 100 }, quotas: { runs: 3, dpu: 200 } });
    b.submit('running', { demand: { runs: 1, dpu: 10 } }).admit('running', 'glue-prod');
    // The backend sees work Sluice did not start: 60 DPUs in use, more than the 10 reserved.
    b.report('glue-prod', { runs: 1, dpu: 60 });
    return b;
  }

  it('counts the larger of reserved and observed usage against min(capacity, quota)', () => {
    const b = busyPool();
    b.submit('too-big', { demand: { runs: 1, dpu: 41 } });
    const result = admissionCycle(b.snapshot());
    expect(result.admissions).toEqual([]);
    expect(result.pending.map((w) => [w.jobId, w.code, w.reason.split(';')[0]])).toEqual([
      ['too-big', 'capacity', 'pool glue-prod: dpu 60/100, needs 41'],
    ]);
  });

  it('fits every dimension, and names the quota when it is the quota that binds', () => {
    const b = busyPool();
    b.submit('fits', { demand: { runs: 1, dpu: 40 } });
    b.submit('one-more', { demand: { runs: 1 } });
    b.submit('no-run-left', { demand: { runs: 1 } });
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['fits', 'one-more']);
    expect(result.pending.map((w) => [w.jobId, w.code, w.reason.split(';')[0]])).toEqual([
      ['no-run-left', 'quota', 'pool glue-prod: runs 3/3, needs 1'],
    ]);
  });

  it('ignores dimensions a pool does not limit and a job does not demand', () => {
    const b = snapshotBuilder();
    b.pool('onprem', { capacity: { vcpu: 8 }, quotas: {} });
    b.submit('cpu', { demand: { vcpu: 8, memoryMiB: 1_000_000 }, pools: ['onprem'] });
    b.submit('free', { demand: {}, pools: ['onprem'] });
    expect(admissionCycle(b.snapshot()).admissions.map((a) => a.jobId)).toEqual(['cpu', 'free']);
  });

  it('says when a job can never fit a pool, and when none of its pools exists', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 5, dpu: 100 }, quotas: {} });
    b.submit('huge', { demand: { runs: 1, dpu: 500 } });
    b.submit('lost', { pools: ['nowhere'] });
    const result = admissionCycle(b.snapshot());
    expect(result.pending.map((w) => [w.jobId, w.code, w.reason.split(';')[0]])).toEqual([
      ['huge', 'capacity', 'pool glue-prod: needs dpu 500, more than its limit 100'],
      ['lost', 'no-pool', 'none of its pools is registered (nowhere)'],
    ]);
    expect(result.reservations).toEqual([]);
  });
});

describe('placement', () => {
  function twoPools() {
    const b = snapshotBuilder();
    b.pool('roomy', { capacity: { runs: 10, dpu: 100 }, quotas: {} });
    b.pool('snug', { capacity: { runs: 10, dpu: 20 }, quotas: {} });
    return b;
  }

  it('places a job on the pool it fills best on its dominant dimension', () => {
    const b = twoPools();
    b.submit('j', { demand: { runs: 1, dpu: 16 }, pools: ['roomy', 'snug'] });
    const [admission] = admissionCycle(b.snapshot()).admissions;
    expect(admission).toMatchObject({
      poolId: 'snug',
      reason: expect.stringContaining('best fit on pool snug (dpu 4 left)'),
    });
  });

  it('uses live figures: later jobs go where room is left', () => {
    const b = twoPools();
    b.submit('first', { demand: { runs: 1, dpu: 16 }, pools: ['roomy', 'snug'] });
    b.submit('second', { demand: { runs: 1, dpu: 16 }, pools: ['roomy', 'snug'] });
    expect(admissionCycle(b.snapshot()).admissions.map((a) => [a.jobId, a.poolId])).toEqual([
      ['first', 'snug'],
      ['second', 'roomy'],
    ]);
  });

  it('breaks ties by pool id, whatever order the job lists its pools in', () => {
    const b = snapshotBuilder();
    b.pool('b-pool', { capacity: { runs: 4 }, quotas: {} });
    b.pool('a-pool', { capacity: { runs: 4 }, quotas: {} });
    b.submit('j', { pools: ['b-pool', 'a-pool'] });
    expect(admissionCycle(b.snapshot()).admissions[0]?.poolId).toBe('a-pool');
  });

  it('records the versions the decision was made against', () => {
    const b = twoPools();
    b.submit('j', { demand: { runs: 1 }, pools: ['snug'] });
    b.report('snug', {});
    b.report('snug', {});
    expect(admissionCycle(b.snapshot()).admissions[0]).toMatchObject({
      jobStreamVersion: 1,
      poolStreamVersion: 3,
    });
  });
});
