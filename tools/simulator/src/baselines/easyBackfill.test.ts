import { describe, expect, it } from 'vitest';
import { pool, queueSnapshot } from '../testing/queueSnapshot';
import { easyBackfillPolicy } from './easyBackfill';
import { multiLevelFirstFitPolicy } from './multiLevelFirstFit';

const admitted = (result: { admissions: { jobId: string; poolId: string }[] }) =>
  result.admissions.map((a) => `${a.jobId}@${a.poolId}`);
const codeOf = (result: { pending: { jobId: string; code: string }[] }, jobId: string) =>
  result.pending.find((w) => w.jobId === jobId)?.code;

describe('easy-backfill', () => {
  it('lets a short job pass a blocked wide head, but not a long one nor one without an estimate', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10, memoryMiB: 1000 })],
      running: [{ jobId: 'r1', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', estimateSeconds: 3600 }],
      queued: [
        { jobId: 'wide', demand: { vcpu: 10 }, pools: ['a'], estimateSeconds: 3600 },
        { jobId: 'long', demand: { vcpu: 2 }, pools: ['a'], estimateSeconds: 7200 },
        { jobId: 'short', demand: { vcpu: 2 }, pools: ['a'], estimateSeconds: 600 },
        { jobId: 'unbounded', demand: { vcpu: 1 }, pools: ['a'] },
        // Memory the wide job does not need at its start: long or not, it cannot delay it.
        { jobId: 'memory-only', demand: { memoryMiB: 500 }, pools: ['a'], estimateSeconds: 100_000 },
      ],
    });
    const result = easyBackfillPolicy.cycle(snapshot);
    expect(admitted(result)).toEqual(['short@a', 'memory-only@a']);
    expect(codeOf(result, 'wide')).toBe('capacity');
    expect(codeOf(result, 'long')).toBe('behind-reservation');
    expect(codeOf(result, 'unbounded')).toBe('behind-reservation');
    // Without the reservation the long job would have gone in and pushed the wide one back.
    expect(admitted(multiLevelFirstFitPolicy.cycle(snapshot))).toContain('long@a');
  });

  it('lets jobs running past the reserved start take only what the reserved job leaves spare, once', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 })],
      running: [{ jobId: 'r1', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', estimateSeconds: 3600 }],
      queued: [
        { jobId: 'head', demand: { vcpu: 8 }, pools: ['a'], estimateSeconds: 3600 },
        { jobId: 'first', demand: { vcpu: 2 }, pools: ['a'] },
        { jobId: 'second', demand: { vcpu: 2 }, pools: ['a'] },
      ],
    });
    const result = easyBackfillPolicy.cycle(snapshot);
    expect(admitted(result)).toEqual(['first@a']);
    expect(codeOf(result, 'second')).toBe('behind-reservation');
  });

  it('treats a running job without an estimate as never ending: nothing may take what the head waits for', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10, memoryMiB: 1000 })],
      running: [{ jobId: 'r1', demand: { memoryMiB: 800 }, pools: ['a'], poolId: 'a' }],
      queued: [
        { jobId: 'head', demand: { vcpu: 2, memoryMiB: 500 }, pools: ['a'], estimateSeconds: 600 },
        { jobId: 'tiny-with-memory', demand: { vcpu: 1, memoryMiB: 100 }, pools: ['a'], estimateSeconds: 60 },
        { jobId: 'cpu-only', demand: { vcpu: 4 }, pools: ['a'] },
        { jobId: 'too-much-cpu', demand: { vcpu: 5 }, pools: ['a'], estimateSeconds: 60 },
      ],
    });
    const result = easyBackfillPolicy.cycle(snapshot);
    // Head's start is unknown, so even a 60-second job may not take memory; vCPUs beyond its 2 are spare.
    expect(admitted(result)).toEqual(['cpu-only@a']);
    expect(result.pending.find((w) => w.jobId === 'head')?.reason).toMatch(/unknown/);
    expect(codeOf(result, 'tiny-with-memory')).toBe('behind-reservation');
    expect(codeOf(result, 'too-much-cpu')).toBe('behind-reservation');
  });

  it('reserves, among the pools a job may use, the one where it could start first, and only one per pool', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 }), pool('b', { vcpu: 10 })],
      running: [
        { jobId: 'ra', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', estimateSeconds: 7200 },
        { jobId: 'rb', demand: { vcpu: 6 }, pools: ['b'], poolId: 'b', estimateSeconds: 600 },
      ],
      queued: [
        { jobId: 'head', demand: { vcpu: 8 }, pools: ['a', 'b'], estimateSeconds: 600 },
        { jobId: 'on-a', demand: { vcpu: 4 }, pools: ['a'], estimateSeconds: 10_000 },
        { jobId: 'on-b', demand: { vcpu: 4 }, pools: ['b'], estimateSeconds: 3600 },
      ],
    });
    const result = easyBackfillPolicy.cycle(snapshot);
    expect(admitted(result)).toEqual(['on-a@a']);
    expect(result.pending.find((w) => w.jobId === 'head')?.reason).toMatch(/reserves b/);
    expect(codeOf(result, 'on-b')).toBe('behind-reservation');
  });

  it('goes by class, then arrival', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 4 })],
      queued: [
        { jobId: 'normal', demand: { vcpu: 4 }, pools: ['a'], estimateSeconds: 60 },
        {
          jobId: 'critical',
          demand: { vcpu: 4 },
          pools: ['a'],
          priorityClass: 'critical',
          estimateSeconds: 60,
        },
      ],
    });
    expect(admitted(easyBackfillPolicy.cycle(snapshot))).toEqual(['critical@a']);
  });
});
