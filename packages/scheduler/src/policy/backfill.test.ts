import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { snapshotBuilder } from '../testing/snapshotBuilder';

const T0 = '2026-01-01T00:00:00.000Z';
const NOW = '2026-01-01T00:01:00.000Z';
/** EASY backfill: every blocked head with a known start holds its pool, not only starving jobs. */
const EASY = { reservations: 'head' } as const;
/** Past the aging bound of a high job submitted at NOW. */
const LATER = '2026-01-01T04:02:00.000Z';

/** Two in-flight jobs started at T0 ending at +600 s and +1200 s; `top` needs the whole pool. */
function reservedAt1200(options: { secondEstimate?: number; runs?: number } = {}) {
  const runs = options.runs ?? 3;
  const b = snapshotBuilder();
  b.pool('glue-prod', { capacity: { runs }, quotas: {} });
  b.at(T0);
  b.submit('r1', { estimateSeconds: 600 }).admit('r1', 'glue-prod').start('r1');
  b.submit('r2', options.secondEstimate === undefined ? {} : { estimateSeconds: options.secondEstimate });
  b.admit('r2', 'glue-prod').start('r2');
  b.at(NOW);
  b.submit('top', { priorityClass: 'high', priority: 500, demand: { runs } });
  return b;
}

describe('backfill', () => {
  it('reserves the top job’s start from the in-flight estimates', () => {
    const result = admissionCycle(reservedAt1200({ secondEstimate: 1200 }).snapshot(NOW), EASY);
    expect(result.reservations).toEqual([
      { jobId: 'top', poolId: 'glue-prod', startsAt: '2026-01-01T00:20:05.000Z', waitingOn: ['runs'] },
    ]);
    expect(result.pending[0]?.reason).toContain('holds pool glue-prod from ~2026-01-01T00:20:05.000Z');
  });

  it('admits a lower job that ends before the reserved start, and only such jobs', () => {
    const b = reservedAt1200({ secondEstimate: 1200, runs: 4 });
    b.submit('short', { estimateSeconds: 600 });
    b.submit('long', { estimateSeconds: 5000 });
    b.submit('unknown');
    const result = admissionCycle(b.snapshot(NOW), EASY);
    expect(result.admissions.map((a) => a.jobId)).toEqual(['short']);
    expect(result.admissions[0]?.reason).toContain(
      "ends before job top's reserved start ~2026-01-01T00:20:05.000Z",
    );
    expect(result.pending.map((w) => [w.jobId, w.code, (w as { reservedFor?: string }).reservedFor])).toEqual(
      [
        ['top', 'capacity', undefined],
        ['long', 'behind-reservation', 'top'],
        ['unknown', 'behind-reservation', 'top'],
      ],
    );
    expect(result.pending[1]?.reason).toContain('this job would end after that');
    expect(result.pending[2]?.reason).toContain('this job has no estimate');
  });

  it('by default holds a pool only for the top class or a starving job, known start or not', () => {
    const high = admissionCycle(reservedAt1200({ secondEstimate: 1200, runs: 4 }).snapshot(NOW));
    expect(high.reservations).toEqual([]);
    const b = reservedAt1200({ secondEstimate: 1200, runs: 4 });
    b.submit('urgent', { priorityClass: 'critical', priority: 1000, demand: { runs: 4 } });
    b.submit('long', { estimateSeconds: 5000 });
    const critical = admissionCycle(b.snapshot(NOW));
    expect(critical.reservations.map((r) => r.jobId)).toEqual(['urgent']);
    expect(critical.admissions).toEqual([]);
  });

  it('passes a job whose start nobody can know first-fit until it has waited past its aging bound', () => {
    const b = reservedAt1200({ runs: 4 });
    b.submit('short', { estimateSeconds: 1 });
    b.submit('unknown');
    const result = admissionCycle(b.snapshot(NOW));
    expect(result.reservations).toEqual([]);
    expect(result.admissions.map((a) => a.jobId)).toEqual(['short', 'unknown']);
    expect(result.pending.map((w) => [w.jobId, w.code])).toEqual([['top', 'capacity']]);
  });

  it('lets nothing pass a starving job’s reservation on a start nobody can know but what it leaves spare', () => {
    const b = reservedAt1200();
    b.submit('short', { estimateSeconds: 1 });
    // High's aging bound is one step (four hours by default): top has waited past it.
    const result = admissionCycle(b.snapshot(LATER));
    expect(result.reservations[0]).toMatchObject({ jobId: 'top' });
    expect(result.reservations[0]).not.toHaveProperty('startsAt');
    expect(result.admissions).toEqual([]);
    expect(result.pending[1]).toMatchObject({ jobId: 'short', code: 'behind-reservation' });
  });

  it('counts an overdue in-flight job as ending now, so nothing ends before the start', () => {
    const b = reservedAt1200({ secondEstimate: 30 });
    b.submit('short', { estimateSeconds: 300 });
    const result = admissionCycle(b.snapshot('2026-01-01T00:15:00.000Z'), EASY);
    expect(result.reservations[0]?.startsAt).toBe('2026-01-01T00:15:00.000Z');
    expect(result.admissions).toEqual([]);
  });

  it('admits lower jobs that only use what the top job will not need, however long they run', () => {
    const b = snapshotBuilder();
    b.pool('gpu-pool', { capacity: { runs: 4, gpu: 3 }, quotas: {} });
    b.submit('training', { demand: { runs: 1, gpu: 2 }, pools: ['gpu-pool'] }).admit('training', 'gpu-pool');
    b.submit('top', {
      priorityClass: 'high',
      priority: 500,
      demand: { runs: 1, gpu: 2 },
      pools: ['gpu-pool'],
    });
    for (const id of ['cpu-1', 'cpu-2', 'cpu-3', 'gpu-small']) {
      b.submit(id, { demand: id === 'gpu-small' ? { runs: 0, gpu: 1 } : { runs: 1 }, pools: ['gpu-pool'] });
    }
    const result = admissionCycle(b.snapshot(LATER));
    // runs: 3 free, the top job needs 1 when the GPUs free up, so 2 are spare. GPUs: 1 free of the
    // 2 it needs, so none are spare, and gpu-small must wait although it fits now.
    expect(result.admissions.map((a) => a.jobId)).toEqual(['cpu-1', 'cpu-2']);
    expect(result.admissions[0]?.reason).toContain('leaves what job top reserved untouched');
    expect(result.pending.map((w) => [w.jobId, w.code])).toEqual([
      ['top', 'capacity'],
      ['cpu-3', 'behind-reservation'],
      ['gpu-small', 'behind-reservation'],
    ]);
  });

  it('lets a job of any length take what the releases due by the start leave beyond the reserved demand', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 5 }, quotas: {} });
    b.at(T0);
    b.submit('r1', { estimateSeconds: 600, demand: { runs: 2 } }).admit('r1', 'glue-prod').start('r1');
    b.submit('r2', { estimateSeconds: 1200 }).admit('r2', 'glue-prod').start('r2');
    b.at(NOW);
    b.submit('top', { priorityClass: 'high', priority: 500, demand: { runs: 3 } });
    b.submit('long-1');
    b.submit('long-2');
    // 2 free now and 2 back when r1 ends: top starts then with one run to spare, which long-1 may
    // take however long it runs; long-2 would leave top short.
    const result = admissionCycle(b.snapshot(NOW), EASY);
    expect(result.reservations[0]?.startsAt).toBe('2026-01-01T00:10:02.000Z');
    expect(result.admissions.map((a) => a.jobId)).toEqual(['long-1']);
    expect(result.pending.map((w) => [w.jobId, w.code])).toEqual([
      ['top', 'capacity'],
      ['long-2', 'behind-reservation'],
    ]);
  });

  it('does not count what an overdue job holds as given back: it is late by nobody knows how much', () => {
    const b = snapshotBuilder();
    b.pool('glue-prod', { capacity: { runs: 5 }, quotas: {} });
    b.at(T0);
    b.submit('late', { estimateSeconds: 30, demand: { runs: 2 } }).admit('late', 'glue-prod').start('late');
    b.submit('r2', { estimateSeconds: 1200 }).admit('r2', 'glue-prod').start('r2');
    b.at(NOW);
    b.submit('top', { priorityClass: 'high', priority: 500, demand: { runs: 3 } });
    b.submit('long');
    const result = admissionCycle(b.snapshot('2026-01-01T00:15:00.000Z'), EASY);
    expect(result.reservations[0]?.startsAt).toBe('2026-01-01T00:15:00.000Z');
    expect(result.admissions).toEqual([]);
  });

  it('does not hold back jobs that go to another pool', () => {
    const b = reservedAt1200();
    b.pool('glue-dev', { capacity: { runs: 1 }, quotas: {} });
    b.submit('elsewhere', { pools: ['glue-prod', 'glue-dev'] });
    expect(admissionCycle(b.snapshot(NOW)).admissions.map((a) => [a.jobId, a.poolId])).toEqual([
      ['elsewhere', 'glue-dev'],
    ]);
  });

  it('lets jobs on other cohort members draw only the slack the reserved job will not need', () => {
    const b = snapshotBuilder();
    b.pool('emr-a', { backend: 'emr', capacity: { vcpu: 4 }, quotas: { vcpu: 6 }, cohort: 'c' });
    b.pool('emr-b', { backend: 'emr', capacity: { vcpu: 4 }, quotas: {}, cohort: 'c' });
    b.submit('a-running', { demand: { vcpu: 4 }, pools: ['emr-a'] }).admit('a-running', 'emr-a');
    b.submit('top', { priorityClass: 'high', priority: 500, demand: { vcpu: 6 }, pools: ['emr-a'] });
    b.submit('on-b', { demand: { vcpu: 2 }, pools: ['emr-b'] });
    b.submit('on-b-more', { demand: { vcpu: 1 }, pools: ['emr-b'] });
    // In a cohort the start is never known: only a starving job holds capacity there.
    const result = admissionCycle(b.snapshot(LATER));
    expect(result.reservations.map((r) => r.jobId)).toEqual(['top']);
    // top waits for emr-a's quota room (2 of 6); the capacity that frees with it covers 4 of its
    // 6, so it still needs 2 of emr-b's 4 lendable: only 2 may go to emr-b's own jobs.
    expect(result.admissions.map((a) => a.jobId)).toEqual(['on-b']);
    expect(result.pending[1]).toMatchObject({ jobId: 'on-b-more', code: 'behind-reservation' });
    expect(result.pending[1]?.reason).toContain(
      'fits pool emr-b now, but cohort c capacity is held on pool emr-a for job top',
    );
  });

  it('does not let a job waiting on its own quota freeze the rest of its cohort', () => {
    const b = snapshotBuilder();
    b.pool('emr-a', { backend: 'emr', capacity: { vcpu: 4 }, quotas: { vcpu: 4 }, cohort: 'c' });
    b.pool('emr-b', { backend: 'emr', capacity: { vcpu: 4 }, quotas: {}, cohort: 'c' });
    b.submit('a-running', { demand: { vcpu: 4 }, pools: ['emr-a'] }).admit('a-running', 'emr-a');
    b.submit('top', { priorityClass: 'high', priority: 500, demand: { vcpu: 2 }, pools: ['emr-a'] });
    b.submit('on-b', { demand: { vcpu: 4 }, pools: ['emr-b'] });
    expect(admissionCycle(b.snapshot()).admissions.map((a) => a.jobId)).toEqual(['on-b']);
  });
});
