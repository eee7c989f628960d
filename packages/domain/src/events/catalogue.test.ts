import { describe, expect, it } from 'vitest';
import { EventValidationError, UnknownEventTypeError } from '../errors/domainErrors';
import { expectedStreamOf, upcastEventData, validateEventData } from './catalogue';

const v1 = {
  jobId: 'j1',
  source: 'team-a',
  dataset: 'sales',
  priorityClass: 'high',
  priority: 500,
  demand: { dpu: 10 },
  backend: 'glue',
  spec: { jobName: 'daily' },
  pool: 'glue-prod',
};

describe('event catalogue', () => {
  it('upcasts JobSubmitted v1 (one pool) to v2 (a list of pools) and the result passes the v2 schema', () => {
    const { data, schemaVersion } = validateEventData('JobSubmitted', v1, 1);
    expect(schemaVersion).toBe(1);
    const upcast = upcastEventData('JobSubmitted', 1, data);
    expect(upcast).toEqual({ ...v1, pool: undefined, pools: ['glue-prod'], maxAttempts: 1 });
    expect(upcast).not.toHaveProperty('pool');
    expect(validateEventData('JobSubmitted', upcast).data).toEqual(upcast);
  });

  it('names the field and the reason of a bad payload', () => {
    expect(() => validateEventData('JobSubmitted', { ...v1, pool: undefined, pools: [] })).toThrow(
      new EventValidationError('JobSubmitted', 'data.pools', 'Too small: expected array to have >=1 items'),
    );
    expect(() => validateEventData('PoolRegistered', { poolId: 'p', backend: 'glue', capacity: { runs: '5' }, quotas: {} })).toThrow(
      /PoolRegistered: data.capacity.runs: Invalid input: expected number, received string/,
    );
  });

  it('upcasts AdmissionCycleCompleted v1 (waiting) to v2 (pending) and the result passes the v2 schema', () => {
    const cycleV1 = {
      cycleId: 'c1',
      scheduler: 's1',
      now: '2026-01-01T00:00:00.000Z',
      snapshotPosition: 4,
      admitted: ['j1'],
      cancelled: [],
      waiting: [{ jobId: 'j2', code: 'quota', reason: 'pool glue: runs 50/50' }],
      waitingTotal: 3,
    };
    const { data } = validateEventData('AdmissionCycleCompleted', cycleV1, 1);
    const upcast = upcastEventData('AdmissionCycleCompleted', 1, data) as Record<string, unknown>;
    expect(upcast.pending).toEqual(cycleV1.waiting);
    expect(upcast.pendingTotal).toBe(3);
    expect(upcast).not.toHaveProperty('waiting');
    expect(upcast).not.toHaveProperty('waitingTotal');
    expect(validateEventData('AdmissionCycleCompleted', upcast).data).toEqual(upcast);
    expect(() => validateEventData('AdmissionCycleCompleted', cycleV1)).toThrow(EventValidationError);
  });

  it('rejects unknown types and unknown versions', () => {
    expect(() => validateEventData('JobVanished', {})).toThrow(UnknownEventTypeError);
    expect(() => validateEventData('JobSubmitted', v1, 7)).toThrow(/unknown schema version 7/);
    expect(() => upcastEventData('JobAdmitted', 0, {})).toThrow(UnknownEventTypeError);
  });

  it('derives the owning stream from the payload', () => {
    expect(expectedStreamOf('JobAdmitted', { jobId: 'j9' })).toBe('job-j9');
    expect(expectedStreamOf('PoolQuotaChanged', { poolId: 'emr' })).toBe('pool-emr');
    expect(expectedStreamOf('SharePolicySet', {})).toBe('policy');
  });
});
