import { sequentialEventIds } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { counterEventIds } from './counterEventIds';

describe('counterEventIds', () => {
  it('makes exactly the ids the domain makes, in sorting order', () => {
    const epoch = Date.UTC(2026, 0, 1);
    const fast = counterEventIds(epoch);
    const reference = sequentialEventIds(epoch);
    const ids = Array.from({ length: 5000 }, () => fast());
    expect(ids).toEqual(Array.from({ length: 5000 }, () => reference()));
    expect([...ids].sort()).toEqual(ids);
  });
});
