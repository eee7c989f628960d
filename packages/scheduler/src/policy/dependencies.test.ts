import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { snapshotBuilder } from '../testing/snapshotBuilder';

function withParent(parentEnds?: 'succeeded' | 'cancelled' | 'timedOut') {
  const b = snapshotBuilder();
  b.pool('glue-prod', { capacity: { runs: 5 } });
  b.submit('parent');
  b.admit('parent', 'glue-prod');
  if (parentEnds) b.finish('parent', parentEnds);
  b.submit('after-success', { dependsOn: [{ jobId: 'parent', condition: 'afterSuccess' }] });
  b.submit('after-any', { dependsOn: [{ jobId: 'parent', condition: 'afterAny' }] });
  return b;
}

describe('dependencies', () => {
  it('holds a job until every dependency is terminal', () => {
    const result = admissionCycle(withParent().snapshot());
    expect(result.admissions).toEqual([]);
    expect(result.pending).toEqual([
      {
        jobId: 'after-success',
        code: 'dependency',
        reason: 'waiting for job parent (admitted, afterSuccess) to end',
      },
      {
        jobId: 'after-any',
        code: 'dependency',
        reason: 'waiting for job parent (admitted, afterAny) to end',
      },
    ]);
  });

  it('admits both kinds once the dependency succeeded', () => {
    const result = admissionCycle(withParent('succeeded').snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['after-success', 'after-any']);
    expect(result.cancellations).toEqual([]);
  });

  it.each(['cancelled', 'timedOut'] as const)(
    'cancels an afterSuccess job whose dependency ended %s, runs the afterAny one',
    (how) => {
      const result = admissionCycle(withParent(how).snapshot());
      expect(result.admissions.map((a) => a.jobId)).toEqual(['after-any']);
      expect(result.cancellations).toEqual([
        {
          jobId: 'after-success',
          reason: `dependency parent ended ${how}, and afterSuccess needs it to succeed`,
        },
      ]);
      expect(result.pending.map((w) => w.jobId)).not.toContain('after-success');
    },
  );

  it('waits for a dependency Sluice does not know yet', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod');
    b.submit('child', { dependsOn: [{ jobId: 'not-yet', condition: 'afterAny' }] });
    expect(admissionCycle(b.snapshot()).pending).toEqual([
      { jobId: 'child', code: 'dependency', reason: 'waiting for job not-yet (unknown, afterAny) to end' },
    ]);
  });
});

describe('gates', () => {
  it('lets a retry wait out its backoff', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod');
    b.submit('flaky', { maxAttempts: 3 });
    b.admit('flaky', 'glue-prod');
    b.fail('flaky', '2026-01-01T01:00:00.000Z');
    const early = admissionCycle(b.snapshot('2026-01-01T00:59:59.000Z'));
    expect(early.admissions).toEqual([]);
    expect(early.pending).toEqual([
      { jobId: 'flaky', code: 'retry-backoff', reason: 'attempt 2 backs off until 2026-01-01T01:00:00.000Z' },
    ]);
    expect(admissionCycle(b.snapshot('2026-01-01T01:00:00.000Z')).admissions.map((a) => a.jobId)).toEqual([
      'flaky',
    ]);
  });

  it('skips jobs whose cancellation was requested', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod');
    b.submit('doomed');
    b.cancelRequested('doomed');
    const result = admissionCycle(b.snapshot());
    expect(result.admissions).toEqual([]);
    expect(result.pending).toEqual([
      {
        jobId: 'doomed',
        code: 'cancel-requested',
        reason: 'cancellation requested: it will not be admitted',
      },
    ]);
  });
});
