import { describe, expect, it } from 'vitest';
import { pool, queueSnapshot } from '../testing/queueSnapshot';
import { conservativeBackfillPolicy } from './conservativeBackfill';
import { easyBackfillPolicy } from './easyBackfill';

const admitted = (result: { admissions: { jobId: string; poolId: string }[] }) =>
  result.admissions.map((a) => `${a.jobId}@${a.poolId}`);
const codeOf = (result: { pending: { jobId: string; code: string }[] }, jobId: string) =>
  result.pending.find((w) => w.jobId === jobId)?.code;

describe('conservative-backfill', () => {
  // r1 ends at 1001 s; A is planned for [1001, 2001) and B, the whole pool, for [2001, 3001).
  const twoReservations = queueSnapshot({
    pools: [pool('a', { vcpu: 10 })],
    running: [{ jobId: 'r1', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', estimateSeconds: 1000 }],
    queued: [
      { jobId: 'A', demand: { vcpu: 6 }, pools: ['a'], estimateSeconds: 1000 },
      { jobId: 'B', demand: { vcpu: 10 }, pools: ['a'], estimateSeconds: 1000 },
      { jobId: 'C', demand: { vcpu: 4 }, pools: ['a'], estimateSeconds: 5000 },
      { jobId: 'D', demand: { vcpu: 4 }, pools: ['a'], estimateSeconds: 500 },
    ],
  });

  it('refuses a job that would delay the second reservation, which EASY lets through', () => {
    const conservative = conservativeBackfillPolicy().cycle(twoReservations);
    expect(admitted(conservative)).toEqual(['D@a']);
    expect(codeOf(conservative, 'C')).toBe('behind-reservation');
    expect(conservative.pending.find((w) => w.jobId === 'B')?.reason).toMatch(/from 2026-01-01T00:33:21/);

    // EASY protects only A: C takes what A leaves spare and runs into B's slot.
    expect(admitted(easyBackfillPolicy.cycle(twoReservations))).toEqual(['C@a']);
  });

  it('plans a job without an estimate for ever, so it may not run into any later reservation', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 })],
      running: [{ jobId: 'r1', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', estimateSeconds: 1000 }],
      queued: [
        { jobId: 'A', demand: { vcpu: 10 }, pools: ['a'], estimateSeconds: 1000 },
        { jobId: 'unbounded', demand: { vcpu: 1 }, pools: ['a'] },
        { jobId: 'short', demand: { vcpu: 4 }, pools: ['a'], estimateSeconds: 900 },
      ],
    });
    const result = conservativeBackfillPolicy().cycle(snapshot);
    expect(admitted(result)).toEqual(['short@a']);
    expect(codeOf(result, 'unbounded')).toBe('behind-reservation');
  });

  it('holds an undated reservation from now on: its dimensions stay out of reach, others remain usable', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10, memoryMiB: 1000 })],
      running: [{ jobId: 'r1', demand: { memoryMiB: 800 }, pools: ['a'], poolId: 'a' }],
      queued: [
        { jobId: 'head', demand: { vcpu: 2, memoryMiB: 500 }, pools: ['a'], estimateSeconds: 600 },
        { jobId: 'tiny-with-memory', demand: { vcpu: 1, memoryMiB: 100 }, pools: ['a'], estimateSeconds: 60 },
        // Head and tiny-with-memory each hold their vCPUs from now on: 7 are left.
        { jobId: 'cpu-only', demand: { vcpu: 7 }, pools: ['a'] },
        { jobId: 'one-more-cpu', demand: { vcpu: 1 }, pools: ['a'], estimateSeconds: 60 },
      ],
    });
    const result = conservativeBackfillPolicy().cycle(snapshot);
    expect(admitted(result)).toEqual(['cpu-only@a']);
    expect(codeOf(result, 'tiny-with-memory')).toBe('behind-reservation');
    expect(codeOf(result, 'one-more-cpu')).toBe('behind-reservation');
    expect(result.pending.find((w) => w.jobId === 'tiny-with-memory')?.reason).toMatch(/unknown/);
  });

  it('picks the pool where the job starts first and starts it now when that is now', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 }), pool('b', { vcpu: 10 })],
      running: [{ jobId: 'ra', demand: { vcpu: 8 }, pools: ['a'], poolId: 'a', estimateSeconds: 600 }],
      queued: [{ jobId: 'j1', demand: { vcpu: 4 }, pools: ['a', 'b'], estimateSeconds: 60 }],
    });
    expect(admitted(conservativeBackfillPolicy().cycle(snapshot))).toEqual(['j1@b']);
  });

  it('plans no more than maxPlannedJobs jobs a cycle', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 })],
      queued: ['j1', 'j2', 'j3'].map((jobId) => ({
        jobId,
        demand: { vcpu: 1 },
        pools: ['a'],
        estimateSeconds: 60,
      })),
    });
    const result = conservativeBackfillPolicy({ maxPlannedJobs: 2 }).cycle(snapshot);
    expect(admitted(result)).toEqual(['j1@a', 'j2@a']);
    expect(codeOf(result, 'j3')).toBe('not-planned');
  });
});
