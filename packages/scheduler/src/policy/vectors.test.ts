import { DIMENSIONS } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { DIMENSION_COUNT, formatAmount, readDemand, toArray, toVector } from './vectors';

describe('vectors', () => {
  it('reads demands in DIMENSIONS order, like the generic conversion', () => {
    const vector = { runs: 1, dpu: 2.5, vcpu: 3, memoryMiB: 4096, gpu: 5, ips: 6 };
    expect([...readDemand(vector, new Float64Array(DIMENSION_COUNT))]).toEqual([...toArray(vector, 0)]);
    expect(DIMENSIONS.map((d) => vector[d])).toEqual([...toArray(vector, 0)]);
  });

  it('turns arrays back into vectors with only the non-zero dimensions', () => {
    expect(toVector(toArray({ dpu: 2, gpu: 0 }, 0))).toEqual({ dpu: 2 });
    expect(toVector(new Float64Array(DIMENSION_COUNT))).toBeUndefined();
  });

  it('formats amounts for operators', () => {
    expect(formatAmount(50)).toBe('50');
    expect(formatAmount(0.0625)).toBe('0.063');
    expect(formatAmount(Infinity)).toBe('unlimited');
  });
});
