import { describe, expect, it } from 'vitest';
import type { Workload } from '../workload/workload';
import { boundedSlowdown } from './boundedSlowdown';
import { distributionOf, distributionsBy } from './distribution';
import { jainIndex } from './jainIndex';
import { makespanLowerBound } from './makespanBound';
import { utilization } from './utilization';

describe('distributionOf', () => {
  it('gives the mean and nearest-rank percentiles, which are always observed values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(distributionOf(values)).toEqual({ count: 100, mean: 50.5, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(distributionOf([7])).toEqual({ count: 1, mean: 7, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(distributionOf([1, 2, 3]).p50).toBe(2);
    expect(distributionOf([]).count).toBe(0);
  });

  it('groups by key in sorted order', () => {
    const groups = distributionsBy(
      [
        { k: 'b', v: 1 },
        { k: 'a', v: 3 },
        { k: 'b', v: 5 },
      ],
      (x) => x.k,
      (x) => x.v,
    );
    expect(Object.keys(groups)).toEqual(['a', 'b']);
    expect(groups.b).toMatchObject({ count: 2, mean: 3, max: 5 });
  });
});

describe('boundedSlowdown', () => {
  it('is end-to-end time over run time, with short runs counted as 10 s and never below 1', () => {
    expect(boundedSlowdown(0, 100)).toBe(1);
    expect(boundedSlowdown(300, 100)).toBe(4);
    expect(boundedSlowdown(60, 1)).toBe(6.1);
    expect(boundedSlowdown(0, 2)).toBe(1);
  });
});

describe('jainIndex', () => {
  it('is 1 for equal shares and 1/n when one takes everything', () => {
    expect(jainIndex([2, 2, 2, 2])).toBe(1);
    expect(jainIndex([5, 0, 0, 0])).toBe(0.25);
    expect(jainIndex([1, 3])).toBeCloseTo(0.8, 12);
    expect(jainIndex([0, 0])).toBeUndefined();
    expect(jainIndex([])).toBeUndefined();
  });
});

describe('makespanLowerBound', () => {
  const base: Omit<Workload, 'jobs'> = {
    name: 't',
    pools: [
      { poolId: 'a', backend: 'simulated', capacity: { vcpu: 10 }, quotas: {} },
      { poolId: 'b', backend: 'simulated', capacity: { vcpu: 30, runs: 5 }, quotas: { runs: 2 } },
    ],
    classes: {},
    shares: {},
    skipped: {},
  };
  const job = (arrival: number, duration: number, vcpu: number, pools: string[]) => ({
    jobId: `j${arrival}-${duration}`,
    arrival,
    duration,
    source: 's',
    dataset: 'd',
    priorityClass: 'normal',
    backend: 'simulated' as const,
    demand: { vcpu, runs: 1 },
    pools,
  });

  it('is at least the latest arrival plus run time, measured from the first arrival', () => {
    expect(makespanLowerBound({ ...base, jobs: [job(100, 50, 1, ['a']), job(400, 100, 1, ['a'])] })).toBe(
      400,
    );
  });

  it("is at least a pool's work over its limit for jobs bound to that pool, quotas included", () => {
    expect(
      makespanLowerBound({
        ...base,
        jobs: [job(0, 100, 10, ['a']), job(0, 100, 10, ['a']), job(0, 100, 10, ['a'])],
      }),
    ).toBe(300);
    const runs = Array.from({ length: 6 }, () => job(0, 100, 1, ['b']));
    expect(makespanLowerBound({ ...base, jobs: runs })).toBe(300);
  });

  it('counts jobs that may go to several pools against the whole system only', () => {
    const jobs = Array.from({ length: 8 }, () => job(0, 100, 10, ['a', 'b']));
    expect(makespanLowerBound({ ...base, jobs })).toBe(200);
  });
});

describe('utilization', () => {
  it('divides reserved resource-seconds by capacity over the makespan, per dimension and per pool', () => {
    const result = utilization(
      [
        { poolId: 'a', limit: { vcpu: 10 }, peak: { vcpu: 10 }, reservedSeconds: { vcpu: 500 } },
        { poolId: 'b', limit: { vcpu: 30, runs: 2 }, peak: {}, reservedSeconds: { vcpu: 1500, runs: 100 } },
      ],
      100,
    );
    expect(result.overall).toEqual({ runs: 0.5, vcpu: 0.5 });
    expect(result.byPool).toEqual({ a: { vcpu: 0.5 }, b: { runs: 0.5, vcpu: 0.5 } });
  });
});
