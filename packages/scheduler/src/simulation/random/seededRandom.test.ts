import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom';

const draws = (seed: number, n = 20) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('stays in range', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      const k = random.int(3, 5);
      expect(k >= 3 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
  });

  it('draws indexes in proportion to their weights', () => {
    const random = seededRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.weightedIndex([1, 2, 0])]! += 1;
    expect(counts[2]).toBe(0);
    expect(counts[1]! / counts[0]!).toBeGreaterThan(1.8);
    expect(counts[1]! / counts[0]!).toBeLessThan(2.2);
  });

  it('gives log-normal draws around their median', () => {
    const random = seededRandom(3);
    const values = Array.from({ length: 20_001 }, () => random.logNormal(600, 0.8)).sort((a, b) => a - b);
    expect(values[10_000]).toBeGreaterThan(560);
    expect(values[10_000]).toBeLessThan(640);
  });
});
