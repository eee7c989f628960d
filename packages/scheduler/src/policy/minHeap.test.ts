import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minHeap } from './minHeap';

describe('minHeap', () => {
  it('always offers the least item, also after the top item’s key grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(20)),
        (keys, bumps) => {
          const key = [...keys];
          const heap = minHeap(
            key.map((_, i) => i),
            (a, b) => (key[a] ?? 0) < (key[b] ?? 0) || ((key[a] ?? 0) === (key[b] ?? 0) && a < b),
          );
          for (const bump of bumps) {
            const top = heap.peek() ?? 0;
            key[top] = (key[top] ?? 0) + bump;
            heap.topIncreased();
          }
          const popped: number[] = [];
          while (heap.size > 0) {
            const top = heap.peek() ?? 0;
            popped.push(top);
            heap.pop();
          }
          const expected = key.map((_, i) => i).sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0) || a - b);
          expect(popped).toEqual(expected);
        },
      ),
    );
  });
});
