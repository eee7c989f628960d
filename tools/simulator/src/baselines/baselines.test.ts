import { describe, expect, it } from 'vitest';
import { pool, queueSnapshot } from '../testing/queueSnapshot';
import { conservativeBackfillPolicy } from './conservativeBackfill';
import { easyBackfillPolicy } from './easyBackfill';
import { fifoPolicy } from './fifo';
import { multiLevelFirstFitPolicy } from './multiLevelFirstFit';
import { slurmMultifactorPolicy } from './slurmMultifactor';
import { twoLevelPriorityPolicy } from './twoLevelPriority';

const admitted = (result: { admissions: { jobId: string; poolId: string }[] }) =>
  result.admissions.map((a) => `${a.jobId}@${a.poolId}`);

describe('fifo', () => {
  it('admits in arrival order and stops at the first job that does not fit, even when later jobs would', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 }), pool('b', { vcpu: 10 })],
      queued: [
        { jobId: 'j1', demand: { vcpu: 6 }, pools: ['a'] },
        { jobId: 'j2', demand: { vcpu: 6 }, pools: ['a'] },
        { jobId: 'j3', demand: { vcpu: 1 }, pools: ['a'] },
        { jobId: 'j4', demand: { vcpu: 1 }, pools: ['b'] },
      ],
    });
    const result = fifoPolicy.cycle(snapshot);
    expect(admitted(result)).toEqual(['j1@a']);
    expect(result.pending.map((w) => [w.jobId, w.code])).toEqual([
      ['j2', 'capacity'],
      ['j3', 'behind-head'],
      ['j4', 'behind-head'],
    ]);
  });

  it('ignores priority: an older low job goes before a newer critical one', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 4 })],
      queued: [
        { jobId: 'old-low', demand: { vcpu: 4 }, pools: ['a'], priorityClass: 'low' },
        { jobId: 'new-critical', demand: { vcpu: 4 }, pools: ['a'], priorityClass: 'critical' },
      ],
    });
    expect(admitted(fifoPolicy.cycle(snapshot))).toEqual(['old-low@a']);
  });
});

describe('two-level-priority', () => {
  it('drains HIGH (critical and high) before LOW, each in arrival order, and lets jobs pass one that does not fit', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 })],
      queued: [
        { jobId: 'n1', demand: { vcpu: 2 }, pools: ['a'], priorityClass: 'normal' },
        { jobId: 'h-big', demand: { vcpu: 20 }, pools: ['a'], priorityClass: 'high' },
        { jobId: 'c1', demand: { vcpu: 4 }, pools: ['a'], priorityClass: 'critical' },
        { jobId: 'h1', demand: { vcpu: 4 }, pools: ['a'], priorityClass: 'high' },
        { jobId: 'b1', demand: { vcpu: 2 }, pools: ['a'], priorityClass: 'backfill' },
      ],
    });
    expect(admitted(twoLevelPriorityPolicy().cycle(snapshot))).toEqual(['c1@a', 'h1@a', 'n1@a']);
  });

  it('never runs more than the global cap across pools, counting jobs already running', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 100 }), pool('b', { vcpu: 100 })],
      running: [{ jobId: 'r1', demand: { vcpu: 1 }, pools: ['a'], poolId: 'a' }],
      queued: [
        { jobId: 'j1', demand: { vcpu: 1 }, pools: ['a'] },
        { jobId: 'j2', demand: { vcpu: 1 }, pools: ['b'] },
        { jobId: 'j3', demand: { vcpu: 1 }, pools: ['b'] },
      ],
    });
    const result = twoLevelPriorityPolicy({ runCap: 3 }).cycle(snapshot);
    expect(admitted(result)).toEqual(['j1@a', 'j2@b']);
    expect(result.pending).toContainEqual(expect.objectContaining({ jobId: 'j3', code: 'run-cap' }));
  });

  it('places a job on the first pool it lists that has room', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 4 }), pool('b', { vcpu: 4 })],
      running: [{ jobId: 'r1', demand: { vcpu: 3 }, pools: ['a'], poolId: 'a' }],
      queued: [{ jobId: 'j1', demand: { vcpu: 2 }, pools: ['a', 'b'] }],
    });
    expect(admitted(twoLevelPriorityPolicy().cycle(snapshot))).toEqual(['j1@b']);
  });
});

describe('multi-level-first-fit', () => {
  it('goes by class then arrival and admits every job that fits anywhere, passing larger ones', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 8 }), pool('b', { runs: 1 })],
      queued: [
        { jobId: 'low1', demand: { vcpu: 2 }, pools: ['a'], priorityClass: 'low' },
        { jobId: 'high-big', demand: { vcpu: 9 }, pools: ['a'], priorityClass: 'high' },
        { jobId: 'high1', demand: { vcpu: 4 }, pools: ['a'], priorityClass: 'high' },
        { jobId: 'normal1', demand: { vcpu: 4 }, pools: ['a'], priorityClass: 'normal' },
        { jobId: 'glue1', demand: { runs: 1 }, pools: ['b'], priorityClass: 'backfill' },
        { jobId: 'glue2', demand: { runs: 1 }, pools: ['b'], priorityClass: 'backfill' },
      ],
    });
    expect(admitted(multiLevelFirstFitPolicy.cycle(snapshot))).toEqual(['high1@a', 'normal1@a', 'glue1@b']);
  });
});

describe('every baseline', () => {
  it.each([
    fifoPolicy,
    twoLevelPriorityPolicy(),
    multiLevelFirstFitPolicy,
    easyBackfillPolicy,
    conservativeBackfillPolicy(),
    slurmMultifactorPolicy(),
  ])('$name keeps within what the pool has left', (policy) => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10, memoryMiB: 1000 })],
      running: [{ jobId: 'r1', demand: { vcpu: 6, memoryMiB: 100 }, pools: ['a'], poolId: 'a' }],
      queued: [
        { jobId: 'j1', demand: { vcpu: 2, memoryMiB: 500 }, pools: ['a'] },
        { jobId: 'j2', demand: { vcpu: 2, memoryMiB: 500 }, pools: ['a'] },
        { jobId: 'j3', demand: { vcpu: 1 }, pools: ['a'] },
      ],
    });
    const result = policy.cycle(snapshot);
    const vcpu = 6 + result.admissions.reduce((sum, a) => sum + (a.reservation.vcpu ?? 0), 0);
    const memory = 100 + result.admissions.reduce((sum, a) => sum + (a.reservation.memoryMiB ?? 0), 0);
    expect(vcpu).toBeLessThanOrEqual(10);
    expect(memory).toBeLessThanOrEqual(1000);
    expect(result.admissions.map((a) => a.jobId)).toContain('j1');
  });
});
