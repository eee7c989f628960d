import { describe, expect, it } from 'vitest';
import { POOLS, SOURCES } from './dataLakeProfile';
import { offeredLoad } from './offeredLoad';
import { SINGLE_SOURCE, saturatedDataLake } from './saturatedDataLake';

describe('saturatedDataLake', () => {
  it.each([0.9, 1.1, 1.3])(
    'offers every pool %s of its capacity in its busiest dimension, within 5%%',
    (load) => {
      const workload = saturatedDataLake({ seed: 3, jobs: 3000, load });
      expect(workload.jobs).toHaveLength(3000);
      const offered = offeredLoad(workload);
      for (const pool of POOLS) expect(offered.pools[pool.poolId]!.busiest).toBeGreaterThan(load * 0.95);
      for (const pool of POOLS) expect(offered.pools[pool.poolId]!.busiest).toBeLessThan(load * 1.05);
    },
  );

  it('gets there by arrivals, not by the job mix: a higher load packs the same kind of jobs into less time', () => {
    const light = saturatedDataLake({ seed: 3, jobs: 2000, load: 0.9 });
    const heavy = saturatedDataLake({ seed: 3, jobs: 2000, load: 1.2 });
    expect(heavy.jobs.map((job) => job.duration).sort()).toEqual(
      light.jobs.map((job) => job.duration).sort(),
    );
    expect(offeredLoad(heavy).spanSeconds / offeredLoad(light).spanSeconds).toBeCloseTo(0.9 / 1.2, 2);
  });

  it('keeps estimates and the Zipf sources, or puts every job under one source', () => {
    const many = saturatedDataLake({ seed: 5, jobs: 1000, load: 1 });
    expect(many.jobs.every((job) => job.estimate !== undefined)).toBe(true);
    expect(new Set(many.jobs.map((job) => job.source)).size).toBeGreaterThan(SOURCES.length / 2);
    expect(many.shares).not.toEqual({});
    const one = saturatedDataLake({ seed: 5, jobs: 1000, load: 1, singleSource: true });
    expect(new Set(one.jobs.map((job) => job.source))).toEqual(new Set([SINGLE_SOURCE]));
    expect(one.shares).toEqual({});
    expect(one.name).toBe('saturated-single:1:5');
  });

  it('is sorted by arrival with ids in that order, and the same for the same seed', () => {
    const workload = saturatedDataLake({ seed: 9, jobs: 500, load: 1.2 });
    workload.jobs.forEach((job, i) => {
      expect(job.jobId).toBe(`j${i + 1}`);
      if (i > 0) expect(job.arrival).toBeGreaterThanOrEqual(workload.jobs[i - 1]!.arrival);
    });
    expect(saturatedDataLake({ seed: 9, jobs: 500, load: 1.2 })).toEqual(workload);
  });
});
