import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { capacityTotals, dominantShare, sourceAccount } from './fairShare';
import { poolLedgers } from './poolLedger';
import { snapshotBuilder } from '../testing/snapshotBuilder';
import { toArray } from './vectors';

/** team-a ran `runs` jobs for an hour; both sources then queue jobs for a one-slot pool. */
function afterTeamAUsedTheCluster(policy: { shares: Record<string, number> } = { shares: {} }) {
  const b = snapshotBuilder({ halfLifeSeconds: 3600 });
  b.pool('glue-prod', { capacity: { runs: 4, dpu: 40 }, quotas: {} });
  b.policy({ ...policy, halfLifeSeconds: 3600 });
  b.at('2026-01-01T00:00:00.000Z');
  for (const id of ['h1', 'h2'])
    b.submit(id, { source: 'team-a', demand: { runs: 1, dpu: 10 } }).admit(id, 'glue-prod');
  b.at('2026-01-01T01:00:00.000Z');
  for (const id of ['h1', 'h2']) b.finish(id);
  b.report('glue-prod', { runs: 3 });
  b.submit('a-next', { source: 'team-a', demand: { runs: 1 } });
  b.submit('b-next', { source: 'team-b', demand: { runs: 1 } });
  return b;
}

describe('fair share between sources', () => {
  it('sums the pools’ own limits per dimension, ignoring unlimited ones', () => {
    const b = snapshotBuilder();
    b.pool('p1', { capacity: { runs: 10, dpu: 100 }, quotas: { runs: 4 } });
    b.pool('p2', { capacity: { runs: 6 }, quotas: {} });
    const totals = capacityTotals(poolLedgers(b.snapshot().capacity.pools).values());
    expect([...totals]).toEqual([10, 100, 0, 0, 0, 0]);
    expect(dominantShare(toArray({ runs: 5, dpu: 10, gpu: 99 }, 0), totals)).toBe(0.5);
  });

  it('measures a source by decayed usage plus running demand, divided by its weight', () => {
    const snapshot = afterTeamAUsedTheCluster({ shares: { 'team-a': 2 } }).snapshot(
      '2026-01-01T01:00:00.000Z',
    );
    const totals = capacityTotals(poolLedgers(snapshot.capacity.pools).values());
    const account = sourceAccount(
      'team-a',
      snapshot.usage.sources['team-a'],
      3600,
      snapshot.policy,
      Date.parse(snapshot.now),
      totals,
    );
    // Two 10-DPU jobs for one hour, half-life one hour: decayed rate = 20 * (1 - 1/2) = 10 DPU of
    // 40, projected 1/16 half-life ahead with nothing running; then halved by the weight.
    expect(account.share).toBeCloseTo((10 * 2 ** (-1 / 16)) / 40 / 2, 3);
    expect(sourceAccount('idle', undefined, 3600, snapshot.policy, 0, totals).share).toBe(0);
  });

  it('admits the source with the lower share first, whoever submitted first', () => {
    const result = admissionCycle(afterTeamAUsedTheCluster().snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['b-next']);
    expect(result.admissions[0]?.reason).toContain('source team-b at share 0.000 (weight 1)');
    expect(result.pending[0]).toMatchObject({ jobId: 'a-next', code: 'capacity' });
  });

  it('lets a heavier weight outweigh more past usage', () => {
    const teamBUsedHalf = (policy: { shares: Record<string, number> }) => {
      const b = snapshotBuilder({ halfLifeSeconds: 3600 });
      b.pool('glue-prod', { capacity: { runs: 4, dpu: 40 }, quotas: {} });
      b.policy({ ...policy, halfLifeSeconds: 3600 });
      b.at('2026-01-01T00:00:00.000Z');
      for (const [id, source] of [
        ['a1', 'team-a'],
        ['a2', 'team-a'],
        ['b1', 'team-b'],
      ] as const) {
        b.submit(id, { source, demand: { runs: 1, dpu: 10 } }).admit(id, 'glue-prod');
      }
      b.at('2026-01-01T01:00:00.000Z');
      for (const id of ['a1', 'a2', 'b1']) b.finish(id);
      b.report('glue-prod', { runs: 3 });
      b.submit('a-next', { source: 'team-a', demand: { runs: 1 } });
      b.submit('b-next', { source: 'team-b', demand: { runs: 1 } });
      return admissionCycle(b.snapshot()).admissions.map((a) => a.jobId);
    };
    expect(teamBUsedHalf({ shares: {} })).toEqual(['b-next']);
    expect(teamBUsedHalf({ shares: { 'team-a': 4 } })).toEqual(['a-next']);
  });

  it('counts this cycle’s admissions, so sources take turns within one cycle', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 4 }, quotas: {} });
    for (const id of ['a1', 'a2', 'a3']) b.submit(id, { source: 'team-a' });
    for (const id of ['b1', 'b2', 'b3']) b.submit(id, { source: 'team-b' });
    expect(admissionCycle(b.snapshot()).admissions.map((a) => a.jobId)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('shares only within a class: a higher class goes first whatever its source used', () => {
    const b = afterTeamAUsedTheCluster();
    b.submit('a-high', { source: 'team-a', priorityClass: 'high', priority: 500, demand: { runs: 1 } });
    expect(admissionCycle(b.snapshot()).admissions.map((a) => a.jobId)).toEqual(['a-high']);
  });
});
