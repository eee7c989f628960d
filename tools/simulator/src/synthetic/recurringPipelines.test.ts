import { describe, expect, it } from 'vitest';
import { FLOODING_SOURCE, PIPELINES_POOL, recurringPipelines } from './recurringPipelines';

describe('recurring pipelines', () => {
  const workload = recurringPipelines({ seed: 4, jobs: 3000 });

  it('is the same trace for the same seed, in arrival order, with no estimates', () => {
    expect(recurringPipelines({ seed: 4, jobs: 3000 })).toEqual(workload);
    expect(workload.jobs).toHaveLength(3000);
    expect(workload.jobs.every((job, i) => i === 0 || job.arrival >= (workload.jobs[i - 1]?.arrival ?? 0))).toBe(true);
    expect(workload.jobs.some((job) => job.estimate !== undefined)).toBe(false);
  });

  it('runs the same pipeline again and again with nearly the same run time', () => {
    const runs = workload.jobs.filter((job) => job.jobName === 'orders-hourly-ingest').map((job) => job.duration);
    expect(runs.length).toBeGreaterThan(24);
    expect(Math.max(...runs) / Math.min(...runs)).toBeLessThan(1.25);
    expect(new Set(workload.jobs.map((job) => job.source)).size).toBe(7);
  });

  it('offers more than the cluster holds at the working-day peak, less over the day', () => {
    const capacity = PIPELINES_POOL.capacity.vcpu ?? 0;
    const day = workload.jobs.filter((job) => job.arrival < 86_400);
    const work = (jobs: typeof day) => jobs.reduce((sum, job) => sum + (job.demand.vcpu ?? 0) * job.duration, 0);
    const peak = day.filter((job) => job.arrival >= 9 * 3600 && job.arrival < 18 * 3600);
    expect(work(peak) / (capacity * 9 * 3600)).toBeGreaterThan(1);
    expect(work(day) / (capacity * 86_400)).toBeLessThan(1);
    expect(peak.filter((job) => job.source === FLOODING_SOURCE).length).toBeGreaterThan(15);
  });
});
