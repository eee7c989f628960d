import { describe, expect, it } from 'vitest';
import { NIGHTLY_WAVE_START, SECONDS_PER_DAY } from './arrivalClock';
import { POOLS, SOURCES } from './dataLakeProfile';
import { syntheticDataLake } from './generateDataLake';

describe('syntheticDataLake', () => {
  it('gives the same trace for the same seed and a different one for another seed', () => {
    const a = syntheticDataLake({ seed: 11, jobs: 500 });
    expect(syntheticDataLake({ seed: 11, jobs: 500 })).toEqual(a);
    const b = syntheticDataLake({ seed: 12, jobs: 500 });
    expect(b.jobs.map((j) => [j.arrival, j.source, j.duration])).not.toEqual(
      a.jobs.map((j) => [j.arrival, j.source, j.duration]),
    );
  });

  const workload = syntheticDataLake({ seed: 1, jobs: 5000 });

  it('sorts jobs by arrival with ids in that order', () => {
    expect(workload.jobs).toHaveLength(5000);
    workload.jobs.forEach((job, i) => {
      expect(job.jobId).toBe(`j${i + 1}`);
      if (i > 0) expect(job.arrival).toBeGreaterThanOrEqual(workload.jobs[i - 1]!.arrival);
    });
  });

  it('skews volume towards the first sources (Zipf)', () => {
    const counts = new Map<string, number>();
    for (const job of workload.jobs) counts.set(job.source, (counts.get(job.source) ?? 0) + 1);
    const first = counts.get(SOURCES[0]!.name) ?? 0;
    const last = counts.get(SOURCES[SOURCES.length - 1]!.name) ?? 0;
    expect(first / workload.jobs.length).toBeGreaterThan(0.2);
    expect(first).toBeGreaterThan(10 * last);
  });

  it('mixes Glue, EMR and Batch with demands that fit their backend', () => {
    const byBackend = new Map<string, number>();
    for (const job of workload.jobs) {
      byBackend.set(job.backend, (byBackend.get(job.backend) ?? 0) + 1);
      if (job.backend === 'glue') {
        expect(job.demand.runs).toBe(1);
        expect(job.demand.dpu).toBeGreaterThan(0);
        expect(job.pools).toEqual(['glue-account']);
      } else {
        expect(job.demand.vcpu).toBeGreaterThan(0);
        expect(job.demand.memoryMiB).toBeGreaterThan(0);
        expect(job.demand.dpu).toBeUndefined();
      }
    }
    for (const backend of ['glue', 'emr', 'batch'])
      expect(byBackend.get(backend) ?? 0).toBeGreaterThan(workload.jobs.length * 0.15);
  });

  it('has a nightly wave at 02:00, every class, and padded estimates with noise', () => {
    const atWave = workload.jobs.filter((j) => j.arrival % SECONDS_PER_DAY === NIGHTLY_WAVE_START).length;
    expect(atWave).toBeGreaterThan(workload.jobs.length * 0.05);
    expect(new Set(workload.jobs.map((j) => j.priorityClass))).toEqual(
      new Set(['critical', 'high', 'normal', 'low', 'backfill']),
    );
    const ratios = workload.jobs.map((j) => (j.estimate ?? 0) / j.duration);
    expect(ratios.filter((r) => r >= 1).length).toBeGreaterThan(workload.jobs.length * 0.8);
    expect(ratios.some((r) => r < 1)).toBe(true);
  });

  it('scales pool capacity and quotas, leaving out jobs no scaled pool can hold', () => {
    expect(workload.pools).toEqual(POOLS);
    const small = syntheticDataLake({ seed: 1, jobs: 5000, capacityScale: 0.25 });
    expect(small.pools.find((p) => p.poolId === 'glue-account')).toMatchObject({
      capacity: { runs: 12, dpu: 100 },
      quotas: { runs: 12, dpu: 80 },
    });
    const skipped = Object.values(small.skipped).reduce((a, b) => a + b, 0);
    expect(skipped).toBeGreaterThan(0);
    expect(small.jobs.length + skipped).toBe(5000);
    expect(small.jobs.every((j) => (j.demand.dpu ?? 0) <= 80)).toBe(true);
  });
});
