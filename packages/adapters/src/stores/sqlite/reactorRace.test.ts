import { describe, expect, it } from 'vitest';
import { sluicePolicy } from '@sluice/scheduler';
import { SqliteEventStore } from './sqliteEventStore';
import { raceReactors } from '../../testing/reactorRace';

describe('four schedulers racing on the embedded store', () => {
  it('admit 10,000 jobs with no quota breach and no double admission', async () => {
    const store = new SqliteEventStore({ filename: ':memory:', durability: 'normal', maxEventsPerAppend: 10_000 });
    const result = await raceReactors(store, { jobs: 10_000, reactors: 4, policy: sluicePolicy, submitBatch: 500 });
    console.log('embedded race:', JSON.stringify(result));
    expect(result.quotaBreaches).toEqual([]);
    expect(result.doubleAdmissions).toBe(0);
    expect(result.admissions).toBe(10_000);
    expect(result.notAdmitted).toBe(0);
    expect(result.leftReserved).toBe(0);
    await store.close();
  }, 600_000);
});
