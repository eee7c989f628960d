import { describe, expect, it } from 'vitest';
import { availabilityProfile } from './availabilityProfile';
import { amountsOf } from './resourceAmounts';

const vcpu = (n: number) => amountsOf({ vcpu: n });

describe('availabilityProfile', () => {
  // 2 vCPUs free now, 4 more at 100, 4 more at 300; the job that never ends gives nothing back.
  const profile = () =>
    availabilityProfile(0, amountsOf({ vcpu: 2 }, Infinity), [
      { endMs: 300, amount: vcpu(4) },
      { endMs: 100, amount: vcpu(4) },
      { endMs: Infinity, amount: vcpu(5) },
    ]);

  it('dates a demand by the running jobs as they end, never for more than will ever be free', () => {
    const p = profile();
    expect(p.earliestStart(vcpu(2), Infinity)).toBe(0);
    expect(p.earliestStart(vcpu(6), Infinity)).toBe(100);
    expect(p.earliestStart(vcpu(10), 50)).toBe(300);
    expect(p.earliestStart(vcpu(11), 50)).toBe(Infinity);
    expect(p.freeAt(150)[2]).toBe(6);
    // Dimensions the demand does not use are never in the way, even when they have no limit.
    expect(p.earliestStart(amountsOf({ memoryMiB: 1 }), Infinity)).toBe(0);
  });

  it('fits a job around what is held, only in a gap long enough for all of it', () => {
    const p = profile();
    p.hold(100, 200, vcpu(6));
    expect(p.freeAt(150)[2]).toBe(0);
    expect(p.earliestStart(vcpu(2), 100)).toBe(0);
    expect(p.earliestStart(vcpu(2), 101)).toBe(200);
    expect(p.earliestStart(vcpu(2), 50)).toBe(0);
    p.hold(0, Infinity, vcpu(1));
    expect(p.freeAt(1e9)[2]).toBe(9);
    expect(p.earliestStart(vcpu(2), 50)).toBe(200);
  });
});
