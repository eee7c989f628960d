import { describe, expect, it } from 'vitest';
import { loadWorkload } from '../cli/loadWorkload';
import { fixtureWorkload } from '../testing/workloads';
import { withoutEstimates } from './withoutEstimates';

describe('withoutEstimates', () => {
  it('drops every estimate and changes nothing else', () => {
    const workload = fixtureWorkload();
    expect(workload.jobs.some((job) => job.estimate !== undefined)).toBe(true);
    const bare = withoutEstimates(workload);
    expect(bare.jobs.every((job) => !('estimate' in job))).toBe(true);
    expect(bare.jobs.map(({ jobId, arrival, duration }) => [jobId, arrival, duration])).toEqual(
      workload.jobs.map(({ jobId, arrival, duration }) => [jobId, arrival, duration]),
    );
    expect(bare.name).toBe('sample.swf (no estimates)');
  });

  it('is what --no-estimates asks of any trace', () => {
    const request = { trace: { kind: 'synthetic', seed: 3 } as const, jobs: 50 };
    expect(loadWorkload(request).jobs.every((job) => job.estimate !== undefined)).toBe(true);
    expect(
      loadWorkload({ ...request, estimates: false }).jobs.every((job) => job.estimate === undefined),
    ).toBe(true);
  });
});
