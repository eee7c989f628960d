import { describe, expect, it } from 'vitest';
import { BATCH_NAME, KUBERNETES_NAME, STEP_FUNCTIONS_NAME, parseRunName, runNameFor } from './runNames';

describe('runNameFor', () => {
  it('is readable and reversible for ids the backend accepts as they are', () => {
    expect(runNameFor('orders-2026', 3, BATCH_NAME)).toBe('sluice-orders-2026-a3');
    expect(parseRunName('sluice-orders-2026-a3')).toEqual({ jobId: 'orders-2026', attempt: 3 });
  });

  it('fits names the backend would refuse, keeping altered ids apart with a hash', () => {
    const a = runNameFor('Orders:2026.01', 1, KUBERNETES_NAME);
    const b = runNameFor('orders-2026-01', 1, KUBERNETES_NAME);
    expect(a).toMatch(/^[a-z0-9-]{1,63}$/);
    expect(a).not.toBe(b);
    expect(parseRunName(a)).toBeUndefined();
    const long = runNameFor('x'.repeat(128), 12, STEP_FUNCTIONS_NAME);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toBe(runNameFor('x'.repeat(128), 12, STEP_FUNCTIONS_NAME));
    expect(long).not.toBe(runNameFor('x'.repeat(128), 13, STEP_FUNCTIONS_NAME));
  });
});
