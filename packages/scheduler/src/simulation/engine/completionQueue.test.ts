import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom';
import { completionQueue } from './completionQueue';

describe('completionQueue', () => {
  it('pops by end time, ties in the order they were pushed', () => {
    const random = seededRandom(5);
    const queue = completionQueue();
    const pushed = Array.from({ length: 500 }, (_, jobIndex) => ({ at: random.int(0, 50), jobIndex }));
    for (const entry of pushed) queue.push(entry.at, entry.jobIndex);
    const expected = [...pushed].sort((a, b) => a.at - b.at || a.jobIndex - b.jobIndex);
    expect(queue.peekAt()).toBe(expected[0]!.at);
    const popped = Array.from({ length: 500 }, () => queue.pop());
    expect(popped).toEqual(expected);
    expect(queue.size).toBe(0);
    expect(queue.peekAt()).toBe(Infinity);
    expect(queue.pop()).toBeUndefined();
  });
});
