import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSwf } from './parseSwf';
import { SKIP_REASONS, SWF_POOL_ID, swfWorkload } from './swfWorkload';

const FIXTURE = readFileSync(new URL('../fixtures/sample.swf', import.meta.url), 'utf8');
const fields = (overrides: Partial<Record<number, number>>) => {
  const base = [1, 0, 0, 600, 4, 500, 1024, 4, 900, 2048, 1, 3, 1, 9, 1, 1, -1, -1];
  for (const [i, v] of Object.entries(overrides)) base[Number(i) - 1] = v as number;
  return base.join(' ');
};

describe('swfWorkload', () => {
  it('replays the fixture on one pool sized by MaxProcs and counts what it leaves out, by reason', () => {
    const workload = swfWorkload(parseSwf(FIXTURE));
    expect(workload.pools).toEqual([
      { poolId: SWF_POOL_ID, backend: 'slurm', capacity: { vcpu: 128 }, quotas: {} },
    ]);
    expect(workload.skipped).toEqual({
      [SKIP_REASONS.cancelled]: 12,
      [SKIP_REASONS.runTime]: 4,
      [SKIP_REASONS.processors]: 3,
      [SKIP_REASONS.tooLarge]: 3,
    });
    expect(workload.jobs).toHaveLength(290 - 22);
    expect(workload.jobs.every((job, i) => i === 0 || workload.jobs[i - 1]!.arrival <= job.arrival)).toBe(
      true,
    );
  });

  it('maps user to source, queue rank to class, processors and memory to demand, run and requested time to duration and estimate', () => {
    const text = [
      '; MaxProcs: 64',
      fields({ 1: 1, 2: 10, 4: 600, 5: 4, 7: 1024, 9: 900, 12: 3, 14: 9, 15: 1 }),
      // Used memory unknown: the request counts. Allocated unknown: the requested processors count.
      fields({ 1: 2, 2: 20, 5: -1, 7: -1, 8: 8, 10: 2048, 9: -1, 15: 2 }),
      fields({ 1: 3, 2: 30, 7: -1, 10: -1, 15: 3, 12: -1, 14: -1 }),
    ].join('\n');
    const [first, second, third] = swfWorkload(parseSwf(text)).jobs;
    expect(first).toEqual({
      jobId: 'swf-1',
      arrival: 10,
      duration: 600,
      estimate: 900,
      source: 'user-3',
      dataset: 'app-9',
      jobName: 'app-9',
      priorityClass: 'high',
      backend: 'slurm',
      demand: { vcpu: 4, memoryMiB: 4 },
      pools: [SWF_POOL_ID],
    });
    expect(second).toMatchObject({ priorityClass: 'normal', demand: { vcpu: 8, memoryMiB: 16 } });
    expect(second?.estimate).toBeUndefined();
    expect(third).toMatchObject({
      priorityClass: 'low',
      source: 'user-unknown',
      dataset: 'app-unknown',
      demand: { vcpu: 4 },
    });
  });

  it('gives one queue the normal class', () => {
    const jobs = swfWorkload(parseSwf([fields({ 1: 1, 15: 5 }), fields({ 1: 2, 15: 5 })].join('\n'))).jobs;
    expect(jobs.map((j) => j.priorityClass)).toEqual(['normal', 'normal']);
  });

  it('sizes the pool by --capacity, else MaxNodes, else the largest job', () => {
    const lines = [fields({ 1: 1, 5: 4 }), fields({ 1: 2, 5: 16 })];
    expect(swfWorkload(parseSwf(lines.join('\n')), { capacity: 8 }).pools[0]?.capacity).toEqual({ vcpu: 8 });
    expect(swfWorkload(parseSwf(lines.join('\n')), { capacity: 8 }).skipped).toEqual({
      [SKIP_REASONS.tooLarge]: 1,
    });
    expect(swfWorkload(parseSwf(['; MaxNodes: 32', ...lines].join('\n'))).pools[0]?.capacity).toEqual({
      vcpu: 32,
    });
    expect(swfWorkload(parseSwf(lines.join('\n'))).pools[0]?.capacity).toEqual({ vcpu: 16 });
  });

  it('leaves out cancelled, run-less, processor-less, unsubmitted and duplicate records', () => {
    const text = [
      fields({ 1: 1, 11: 5 }),
      fields({ 1: 2, 4: -1 }),
      fields({ 1: 3, 4: 0 }),
      fields({ 1: 4, 5: -1, 8: -1 }),
      fields({ 1: 5, 2: -1 }),
      fields({ 1: 6 }),
      fields({ 1: 6 }),
      fields({ 1: 7, 11: 0 }),
    ].join('\n');
    const workload = swfWorkload(parseSwf(text));
    expect(workload.jobs.map((j) => j.jobId)).toEqual(['swf-6', 'swf-7']);
    expect(workload.skipped).toEqual({
      [SKIP_REASONS.cancelled]: 1,
      [SKIP_REASONS.runTime]: 2,
      [SKIP_REASONS.processors]: 1,
      [SKIP_REASONS.submitTime]: 1,
      [SKIP_REASONS.duplicate]: 1,
    });
  });
});
