import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import { snapshotBuilder } from '../testing/snapshotBuilder';

type Lend = { vcpu?: number };

function cohort(options: { lendB?: Lend; quotaA?: Lend } = {}) {
  const b = snapshotBuilder();
  b.pool('emr-a', {
    backend: 'emr',
    capacity: { vcpu: 10 },
    quotas: options.quotaA ?? {},
    cohort: 'analytics',
  });
  b.pool('emr-b', {
    backend: 'emr',
    capacity: { vcpu: 10 },
    quotas: {},
    cohort: 'analytics',
    ...(options.lendB ? { lendingLimit: options.lendB } : {}),
  });
  return b;
}

const onA = (vcpu: number) => ({ demand: { vcpu }, pools: ['emr-a'] });
const onB = (vcpu: number) => ({ demand: { vcpu }, pools: ['emr-b'] });

describe('cohorts', () => {
  it('lets a pool borrow its cohort’s unused capacity and says how much', () => {
    const b = cohort();
    b.submit('wide', onA(15));
    const [admission] = admissionCycle(b.snapshot()).admissions;
    expect(admission).toMatchObject({ poolId: 'emr-a', borrowed: { vcpu: 5 } });
    expect(admission?.reason).toContain('borrows vcpu 5 from cohort analytics');
  });

  it('borrows no more than the lender’s lending limit', () => {
    const b = cohort({ lendB: { vcpu: 3 } });
    b.submit('too-wide', onA(14));
    b.submit('wide', onA(13));
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => [a.jobId, (a as { borrowed?: unknown }).borrowed])).toEqual([
      ['wide', { vcpu: 3 }],
    ]);
    expect(result.pending[0]).toMatchObject({ jobId: 'too-wide', code: 'capacity' });
    expect(result.pending[0]?.reason).toContain('needs vcpu 14, more than its limit 13');
  });

  it('never borrows past the borrower’s own quota', () => {
    const b = cohort({ quotaA: { vcpu: 12 } });
    b.submit('wide', onA(13));
    b.submit('fits-quota', onA(12));
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['fits-quota']);
    expect(result.pending[0]).toMatchObject({ jobId: 'wide', code: 'quota' });
  });

  it('does not let a lender take back what is lent out (no preemption)', () => {
    const b = cohort();
    b.submit('borrower', onA(15)).admit('borrower', 'emr-a');
    b.submit('lender-small', onB(5));
    b.submit('lender-more', onB(1));
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['lender-small']);
    expect(result.pending[0]?.reason).toContain(
      'pool emr-b: vcpu 5/10, needs 1, 0 free counting what cohort analytics lends',
    );
  });

  it('keeps the part above the lending limit for the lender itself', () => {
    const b = cohort({ lendB: { vcpu: 3 } });
    b.submit('borrower', onA(13)).admit('borrower', 'emr-a');
    b.submit('lender', onB(7));
    expect(admissionCycle(b.snapshot()).admissions.map((a) => a.jobId)).toEqual(['lender']);
  });

  it('counts borrowing earlier in the same cycle', () => {
    const b = cohort();
    b.submit('first', onA(15));
    b.submit('second', onB(6));
    const result = admissionCycle(b.snapshot());
    expect(result.admissions.map((a) => a.jobId)).toEqual(['first']);
    expect(result.pending.map((w) => w.jobId)).toEqual(['second']);
  });

  it('prefers a pool that fits without borrowing', () => {
    const b = cohort();
    b.submit('filler', onA(8)).admit('filler', 'emr-a');
    b.submit('either', { demand: { vcpu: 4 }, pools: ['emr-a', 'emr-b'] });
    const [admission] = admissionCycle(b.snapshot()).admissions;
    expect(admission).toMatchObject({ poolId: 'emr-b' });
    expect(admission).not.toHaveProperty('borrowed');
  });
});
