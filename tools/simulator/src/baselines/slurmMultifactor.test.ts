import { describe, expect, it } from 'vitest';
import { pool, queueSnapshot } from '../testing/queueSnapshot';
import { easyBackfillPolicy } from './easyBackfill';
import { multifactorPriority, SLURM_MULTIFACTOR_WEIGHTS } from './multifactorPriority';
import { slurmMultifactorPolicy } from './slurmMultifactor';

const admitted = (result: { admissions: { jobId: string; poolId: string }[] }) =>
  result.admissions.map((a) => `${a.jobId}@${a.poolId}`);

describe('slurm-multifactor', () => {
  // `heavy` has been running a job; `light` has used nothing. Room for one of the two queued jobs.
  const contended = (queued: { heavyClass?: string }) =>
    queueSnapshot({
      pools: [pool('a', { vcpu: 10 })],
      running: [{ jobId: 'r1', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', source: 'heavy' }],
      queued: [
        {
          jobId: 'heavy-job',
          demand: { vcpu: 4 },
          pools: ['a'],
          source: 'heavy',
          estimateSeconds: 600,
          ...(queued.heavyClass !== undefined ? { priorityClass: queued.heavyClass } : {}),
        },
        { jobId: 'light-job', demand: { vcpu: 4 }, pools: ['a'], source: 'light', estimateSeconds: 600 },
      ],
    });

  it('puts a source that used little ahead of a heavy one at equal class, though the heavy job is older', () => {
    const snapshot = contended({});
    expect(admitted(slurmMultifactorPolicy().cycle(snapshot))).toEqual(['light-job@a']);
    expect(admitted(easyBackfillPolicy.cycle(snapshot))).toEqual(['heavy-job@a']);
  });

  it('adds the factors rather than ranking by one: a critical job of the heavy source still goes first', () => {
    // heavy: 10000 * 2^-2 + 10000 * 1 = 12500; light: 10000 * 1 + 10000 * 0.1 = 11000.
    expect(admitted(slurmMultifactorPolicy().cycle(contended({ heavyClass: 'critical' })))).toEqual([
      'heavy-job@a',
    ]);
  });

  it('weighs usage by share: a source with three times the weight goes first though it used twice as much', () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 12 })],
      shares: { big: 3 },
      running: [
        { jobId: 'rb', demand: { vcpu: 6 }, pools: ['a'], poolId: 'a', source: 'big' },
        { jobId: 'rs', demand: { vcpu: 4 }, pools: ['a'], poolId: 'a', source: 'small' },
      ],
      queued: [
        { jobId: 'small-job', demand: { vcpu: 2 }, pools: ['a'], source: 'small', estimateSeconds: 60 },
        { jobId: 'big-job', demand: { vcpu: 2 }, pools: ['a'], source: 'big', estimateSeconds: 60 },
      ],
    });
    // big: 2/3 of the usage on 3/4 of the weight; small: 1/3 on 1/4.
    expect(admitted(slurmMultifactorPolicy().cycle(snapshot))).toEqual(['big-job@a']);
  });

  it("computes Slurm's sum: age up to PriorityMaxAge, fair share 2^(-U/S), class over the top class", () => {
    const snapshot = queueSnapshot({
      pools: [pool('a', { vcpu: 10 })],
      queued: [{ jobId: 'j1', demand: { vcpu: 1 }, pools: ['a'], priorityClass: 'high' }],
    });
    const job = snapshot.queue.pending.j1!;
    const at = (seconds: number) =>
      multifactorPriority(
        { ...snapshot, now: new Date(Date.parse(job.enqueuedAt) + seconds * 1000).toISOString() },
        SLURM_MULTIFACTOR_WEIGHTS,
      )(job);
    // No usage: fair share 1. Class high is 500 of critical's 1000.
    expect(at(0)).toBeCloseTo(10000 + 5000);
    expect(at(3.5 * 24 * 3600)).toBeCloseTo(500 + 10000 + 5000);
    expect(at(30 * 24 * 3600)).toBeCloseTo(1000 + 10000 + 5000);
  });
});
