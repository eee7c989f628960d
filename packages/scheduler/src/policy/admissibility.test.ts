import { initialPoolState, type PoolCapacity, type PoolRegisteredData } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { admissibilityProblems } from './admissibility';

const pool = (data: Omit<PoolRegisteredData, 'quotas'> & { quotas?: PoolRegisteredData['quotas'] }): PoolCapacity => ({
  ...initialPoolState(data.poolId),
  registered: true,
  backend: data.backend,
  capacity: data.capacity,
  quotas: data.quotas ?? {},
  ...(data.cohort ? { cohort: data.cohort } : {}),
  streamVersion: 1,
});

const pools = {
  'glue-prod': pool({ poolId: 'glue-prod', backend: 'glue', capacity: { runs: 50, dpu: 300 }, quotas: { dpu: 200 } }),
  'onprem-spark': pool({ poolId: 'onprem-spark', backend: 'livy', capacity: { vcpu: 128 } }),
  'spark-b': pool({ poolId: 'spark-b', backend: 'livy', capacity: { vcpu: 64 } }),
  paused: pool({ poolId: 'paused', backend: 'livy', capacity: { vcpu: 0 } }),
};
const job = (over: Partial<{ demand: Record<string, number>; backend: 'glue' | 'livy'; pools: string[] }> = {}) => ({
  demand: { runs: 1, dpu: 10 },
  backend: 'glue' as const,
  pools: ['glue-prod'],
  ...over,
});

describe('admissibility at submission', () => {
  it('accepts a job one of its pools can hold', () => {
    expect(admissibilityProblems(job(), pools)).toEqual([]);
    expect(admissibilityProblems(job({ backend: 'livy', demand: { vcpu: 100 }, pools: ['spark-b', 'onprem-spark'] }), pools)).toEqual([]);
  });

  it('refuses a demand beyond every listed pool, naming the dimension and the limits', () => {
    expect(admissibilityProblems(job({ backend: 'livy', demand: { vcpu: 1e308 }, pools: ['onprem-spark', 'spark-b'] }), pools)).toEqual([
      { field: 'demand.vcpu', reason: expect.stringMatching(/more than any of its pools can ever hold \(onprem-spark 128, spark-b 64\)/) },
    ]);
    // The hard quota counts, not only the capacity.
    expect(admissibilityProblems(job({ demand: { runs: 1, dpu: 250 } }), pools)[0]?.field).toBe('demand.dpu');
  });

  it('refuses an empty demand, unknown pools and pools of another backend, all at once', () => {
    const problems = admissibilityProblems(job({ demand: {}, pools: ['no-such-pool', 'onprem-spark'] }), pools, {
      complete: true,
    });
    expect(problems.map((p) => p.field)).toEqual(['demand', 'pools.0', 'pools.1']);
    expect(problems[1]!.reason).toMatch(/no pool no-such-pool is registered \(registered: glue-prod, onprem-spark, paused, spark-b\)/);
    expect(problems[2]!.reason).toBe('pool onprem-spark runs livy jobs, not glue');
  });

  it('queues for an unknown pool when asked to wait for it', () => {
    expect(admissibilityProblems(job({ pools: ['later'] }), pools, { waitForPools: true })).toEqual([]);
  });

  it('lets a job wait on a pool paused at 0 instead of refusing it', () => {
    expect(admissibilityProblems(job({ backend: 'livy', demand: { vcpu: 8 }, pools: ['paused'] }), pools)).toEqual([]);
  });

  it('counts what a cohort could lend', () => {
    const cohort = {
      a: pool({ poolId: 'a', backend: 'livy', capacity: { vcpu: 32 }, cohort: 'c' }),
      b: pool({ poolId: 'b', backend: 'livy', capacity: { vcpu: 32 }, cohort: 'c' }),
    };
    expect(admissibilityProblems(job({ backend: 'livy', demand: { vcpu: 60 }, pools: ['a'] }), cohort)).toEqual([]);
    expect(admissibilityProblems(job({ backend: 'livy', demand: { vcpu: 70 }, pools: ['a'] }), cohort)[0]?.field).toBe('demand.vcpu');
  });
});
