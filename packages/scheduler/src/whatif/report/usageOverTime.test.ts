import { describe, expect, it } from 'vitest';
import { MAX_USAGE_SAMPLES, usageOverTime } from './usageOverTime';

const iso = (seconds: number) => new Date(Date.UTC(2026, 2, 2) + seconds * 1000).toISOString();

describe('usageOverTime', () => {
  it('sums what each pool holds at every sampled instant, releasing at a job’s end', () => {
    const usage = usageOverTime(
      {
        admittedAt: Float64Array.from([0, 5, 10, NaN]),
        finishedAt: Float64Array.from([10, NaN, 20, NaN]),
        poolOf: ['a', 'a', 'b', undefined],
      },
      [{ vcpu: 4, runs: 1 }, { vcpu: 2, runs: 1 }, { runs: 1 }, { vcpu: 99 }],
      [10, 0, 5, 25],
      iso,
    );
    expect(usage.a!.map((s) => [s.at, s.used])).toEqual([
      [iso(0), { vcpu: 4, runs: 1 }],
      [iso(5), { vcpu: 6, runs: 2 }],
      // The first job ends as the sample is taken: it no longer holds the pool.
      [iso(10), { vcpu: 2, runs: 1 }],
      [iso(25), { vcpu: 2, runs: 1 }],
    ]);
    expect(usage.b!.map((s) => s.used.runs ?? 0)).toEqual([0, 0, 1, 0]);
    expect(Object.keys(usage)).toEqual(['a', 'b']);
  });

  it('thins a long run of instants to at most MAX_USAGE_SAMPLES, keeping the first and last', () => {
    const seconds = Array.from({ length: MAX_USAGE_SAMPLES * 3 }, (_, i) => i);
    const usage = usageOverTime(
      { admittedAt: Float64Array.from([0]), finishedAt: Float64Array.from([NaN]), poolOf: ['a'] },
      [{ runs: 1 }],
      seconds,
      iso,
    );
    expect(usage.a).toHaveLength(MAX_USAGE_SAMPLES);
    expect(usage.a![0]!.at).toBe(iso(0));
    expect(usage.a!.at(-1)!.at).toBe(iso(seconds.length - 1));
  });
});
