import { describe, expect, it } from 'vitest';
import type { SluiceEvent } from '../events/catalogue';
import { poolRegisteredSchema } from '../events/poolEvents';
import { DomainError, IllegalTransitionError, QuotaExceededError } from '../errors/domainErrors';
import { decidePool } from './decidePool';
import { evolvePool } from './evolvePool';
import type { PoolCommand } from './poolCommands';
import { initialPoolState, type PoolState } from './poolState';

function apply(state: PoolState, command: PoolCommand): PoolState {
  return decidePool(command, state).reduce((s, e) => {
    const event = (e.type === 'PoolRegistered' ? { ...e, data: poolRegisteredSchema.parse(e.data) } : e) as SluiceEvent;
    return evolvePool(s, event);
  }, state);
}

const registered = () =>
  apply(initialPoolState('glue'), {
    type: 'RegisterPool',
    data: { poolId: 'glue', backend: 'glue', capacity: { runs: 50, dpu: 100 }, quotas: { runs: 3 } },
  });

describe('pool', () => {
  it('reserves within the tighter of capacity and quota, and refuses past it naming the dimension', () => {
    let pool = registered();
    for (const jobId of ['a', 'b', 'c']) pool = apply(pool, { type: 'ReserveCapacity', jobId, demand: { runs: 1, dpu: 10 } });
    expect(pool.reserved).toEqual({ runs: 3, dpu: 30 });
    const over = () => decidePool({ type: 'ReserveCapacity', jobId: 'd', demand: { runs: 1 } }, pool);
    expect(over).toThrow(QuotaExceededError);
    expect(over).toThrow('pool glue: runs 3+1 exceeds 3');
    const dpu = () => decidePool({ type: 'ReserveCapacity', jobId: 'd', demand: { dpu: 71 } }, pool);
    expect(dpu).toThrow(/dpu 30\+71 exceeds 100/);
  });

  it('frees exactly what a job reserved, once', () => {
    let pool = registered();
    pool = apply(pool, { type: 'ReserveCapacity', jobId: 'a', demand: { runs: 1, dpu: 0.0625 } });
    pool = apply(pool, { type: 'ReleaseCapacity', jobId: 'a', reason: 'succeeded' });
    expect(pool.reserved).toEqual({ runs: 0, dpu: 0 });
    expect(() => decidePool({ type: 'ReleaseCapacity', jobId: 'a', reason: 'succeeded' }, pool)).toThrow(DomainError);
  });

  it('refuses to reserve twice for one job, and to act on an unregistered pool', () => {
    const pool = apply(registered(), { type: 'ReserveCapacity', jobId: 'a', demand: { runs: 1 } });
    expect(() => decidePool({ type: 'ReserveCapacity', jobId: 'a', demand: { runs: 1 } }, pool)).toThrow(/already holds/);
    expect(() => decidePool({ type: 'ReportCapacity', observed: {} }, initialPoolState('x'))).toThrow(IllegalTransitionError);
  });

  it('takes a lowered quota into account for the next reservation', () => {
    let pool = apply(registered(), { type: 'ReserveCapacity', jobId: 'a', demand: { runs: 1 } });
    pool = apply(pool, { type: 'ChangeQuota', quotas: { runs: 1 } });
    expect(() => decidePool({ type: 'ReserveCapacity', jobId: 'b', demand: { runs: 1 } }, pool)).toThrow(QuotaExceededError);
  });
});

describe('pool in a cohort', () => {
  it('may reserve past its own capacity by borrowing, but never past its hard quota', () => {
    let pool = apply(initialPoolState('emr-a'), {
      type: 'RegisterPool',
      data: { poolId: 'emr-a', backend: 'emr', capacity: { vcpu: 100 }, quotas: { vcpu: 160 }, cohort: 'emr' },
    });
    pool = apply(pool, { type: 'ReserveCapacity', jobId: 'a', demand: { vcpu: 150 } });
    expect(pool.reserved).toEqual({ vcpu: 150 });
    expect(() => decidePool({ type: 'ReserveCapacity', jobId: 'b', demand: { vcpu: 11 } }, pool)).toThrow(QuotaExceededError);
  });
});
