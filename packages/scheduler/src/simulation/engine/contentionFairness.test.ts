import { describe, expect, it } from 'vitest';
import { contentionFairness } from './contentionFairness';

const pools = [{ poolId: 'p', backend: 'simulated' as const, capacity: { vcpu: 10 }, quotas: {} }];

describe('contentionFairness', () => {
  it('scores only time when two or more sources wait for the pool, by share held over weight', () => {
    const fairness = contentionFairness(pools, (source) => (source === 'heavy' ? 2 : 1));
    fairness.queued('a', ['p']);
    fairness.elapse(100);
    expect(fairness.report()).toEqual({ jain: undefined, contendedSeconds: 0 });

    fairness.queued('a', ['p']);
    fairness.queued('heavy', ['p']);
    fairness.queued('heavy', ['p']);
    fairness.dequeued('a', ['p'], 'p', { vcpu: 2 });
    fairness.dequeued('heavy', ['p'], 'p', { vcpu: 4 });
    // a holds 0.2 / 1, heavy 0.4 / 2: equal per weight, both still waiting.
    fairness.elapse(50);
    expect(fairness.report()).toEqual({ jain: 1, contendedSeconds: 50 });

    fairness.finished('heavy', 'p', { vcpu: 4 });
    // a 0.2, heavy 0: Jain 0.5 for the next 50 s.
    fairness.elapse(50);
    expect(fairness.report().jain).toBeCloseTo(0.75, 12);
    expect(fairness.report().contendedSeconds).toBe(100);
  });
});
