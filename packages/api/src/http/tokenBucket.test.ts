import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './tokenBucket';

describe('TokenBuckets', () => {
  it('allows a burst, then one request per refill interval, per key', () => {
    const buckets = new TokenBuckets({ burst: 2, perSecond: 2 });
    expect([buckets.take('a', 0), buckets.take('a', 0), buckets.take('a', 0)]).toEqual([0, 0, 1]);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('a', 499)).toBe(1);
    expect(buckets.take('a', 500)).toBe(0);
    // A long pause refills only up to the burst.
    expect([buckets.take('a', 60_000), buckets.take('a', 60_000), buckets.take('a', 60_000)]).toEqual([
      0, 0, 1,
    ]);
  });

  it('never lets a clock stepping back mint tokens', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 1 });
    expect(buckets.take('a', 10_000)).toBe(0);
    expect(buckets.take('a', 5_000)).toBe(1);
  });
});
