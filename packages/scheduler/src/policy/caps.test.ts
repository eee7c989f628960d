import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { snapshotBuilder } from '../testing/snapshotBuilder';

function bigPool() {
  const b = snapshotBuilder();
  b.pool('glue-prod', { capacity: { runs: 100 } });
  return b;
}

describe('concurrency caps', () => {
  it('caps a source, counting its in-flight jobs and this cycle’s admissions', () => {
    const b = bigPool();
    b.policy({ shares: {}, sourceCaps: { 'team-a': 3 } });
    b.submit('running', { source: 'team-a' }).admit('running', 'glue-prod');
    for (const id of ['a1', 'a2', 'a3']) b.submit(id, { source: 'team-a' });
    b.submit('b1', { source: 'team-b' });
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId).sort()).toEqual(['a1', 'a2', 'b1']);
    expect(result.pending).toEqual([
      {
        jobId: 'a3',
        code: 'cap-source',
        reason: 'source team-a is at its cap: 3/3 jobs in flight; 0 jobs ahead in class normal',
      },
    ]);
  });

  it('caps a dataset across sources', () => {
    const b = bigPool();
    b.policy({ shares: {}, datasetCaps: { sales: 1 } });
    b.submit('a1', { source: 'team-a', dataset: 'sales' });
    b.submit('b1', { source: 'team-b', dataset: 'sales' });
    b.submit('b2', { source: 'team-b', dataset: 'hr' });
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId).sort()).toEqual(['a1', 'b2']);
    expect(result.pending.map((w) => [w.jobId, w.code])).toEqual([['b1', 'cap-dataset']]);
  });

  it('caps concurrent runs of one Glue job name', () => {
    const b = bigPool();
    b.policy({ shares: {}, jobNameCaps: { 'nightly-etl': 2 } });
    b.submit('r1', { jobName: 'nightly-etl' }).admit('r1', 'glue-prod');
    b.submit('r2', { jobName: 'nightly-etl' });
    b.submit('r3', { jobName: 'nightly-etl' });
    b.submit('other', { jobName: 'other-etl' });
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['r2', 'other']);
    expect(result.pending[0]).toMatchObject({
      jobId: 'r3',
      code: 'cap-jobname',
      reason: expect.stringContaining('job name nightly-etl is at its cap: 2/2'),
    });
  });

  it('treats a cap of zero as "none may run"', () => {
    const b = bigPool();
    b.policy({ shares: {}, sourceCaps: { paused: 0 } });
    b.submit('p1', { source: 'paused' });
    expect(admissionCycle(b.snapshot()).pending.map((w) => w.code)).toEqual(['cap-source']);
  });
});
