import { describe, expect, it } from 'vitest';
import { admissionCycle } from './admissionCycle';
import type { SchedulingSnapshot } from './snapshot';
import { createSluicePolicy, sluicePolicy } from './sluicePolicy';
import { snapshotBuilder } from '../testing/snapshotBuilder';

function busyQueue() {
  const b = snapshotBuilder();
  b.pool('glue-prod', { capacity: { runs: 3, dpu: 30 }, quotas: { runs: 3 } });
  b.pool('glue-dev', { capacity: { runs: 1 }, quotas: {} });
  const sources = ['team-a', 'team-b', 'team-c'];
  const classes = [
    ['high', 500],
    ['normal', 100],
    ['low', 50],
  ] as const;
  for (let i = 0; i < 12; i++) {
    const [priorityClass, priority] = classes[i % 3] ?? classes[0];
    b.submit(`job-${i}`, {
      source: sources[i % sources.length],
      priorityClass,
      priority,
      demand: { runs: 1, dpu: 2 + (i % 4) },
      pools: i % 2 === 0 ? ['glue-prod'] : ['glue-prod', 'glue-dev'],
    });
  }
  return b;
}

/** The same snapshot with every record rebuilt in reverse key order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe('admissionCycle', () => {
  it('gives the same decisions for the same snapshot, whatever the order of its records', () => {
    const snapshot = busyQueue().snapshot();
    const first = admissionCycle(snapshot);
    expect(admissionCycle(snapshot)).toEqual(first);
    expect(admissionCycle(reversedKeys(snapshot))).toEqual(first);
    expect(first.admissions).toHaveLength(4);
  });

  it('leaves the snapshot untouched', () => {
    const snapshot = busyQueue().snapshot();
    const before = structuredClone(snapshot);
    admissionCycle(snapshot);
    expect(snapshot).toEqual(before);
  });

  it('explains every job it leaves waiting, with its place in its class', () => {
    const result = admissionCycle(busyQueue().snapshot());
    expect(result.pending).toHaveLength(8);
    const aheadIn = (className: string) =>
      result.pending
        .filter((w) => w.reason.endsWith(`in class ${className}`))
        .map((w) => w.reason.match(/(\d+) jobs? ahead/)?.[1]);
    expect(aheadIn('normal')).toEqual(['0', '1', '2', '3']);
    expect(aheadIn('low')).toEqual(['0', '1', '2', '3']);
    expect(result.pending[0]?.reason).toBe(
      'pool glue-prod: runs 3/3, needs 1; pool glue-dev: runs 1/1, needs 1; 0 jobs ahead in class normal',
    );
    expect(result.pending.every((w) => w.reason.length > 0 && w.code.length > 0)).toBe(true);
  });

  it('stops at maxAdmissions and says so', () => {
    const result = admissionCycle(busyQueue().snapshot(), { maxAdmissions: 2 });
    expect(result.admissions).toHaveLength(2);
    expect(result.pending[0]).toMatchObject({
      code: 'cycle-limit',
      reason: expect.stringContaining('limit of 2 jobs'),
    });
  });

  it('builds reasons for the first maxReasons waiting jobs only, deciding the same', () => {
    const full = admissionCycle(busyQueue().snapshot());
    const short = admissionCycle(busyQueue().snapshot(), { maxReasons: 3 });
    expect(short.admissions).toEqual(full.admissions);
    expect(short.pending).toEqual(full.pending.slice(0, 3));
  });

  it('is the sluice scheduling policy', () => {
    const snapshot: SchedulingSnapshot = busyQueue().snapshot();
    expect(sluicePolicy.name).toBe('sluice');
    expect(sluicePolicy.cycle(snapshot)).toEqual(admissionCycle(snapshot));
    expect(createSluicePolicy({ maxAdmissions: 1 }).cycle(snapshot).admissions).toHaveLength(1);
  });
});
