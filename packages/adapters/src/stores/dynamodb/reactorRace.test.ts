import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { sluicePolicy } from '@sluice/scheduler';
import { DynamoEventStore } from './dynamoEventStore';
import { createEventStoreTable } from './eventStoreTable';
import { localDynamoClient } from '../../testing/dynamoLocal';
import { raceReactors } from '../../testing/reactorRace';

describe('four schedulers racing on DynamoDB Local', () => {
  // Every admission is a DynamoDB transaction on one JVM here: 10,000 jobs take tens of minutes
  // on two cores, so the default run is 1,000 and SLUICE_RACE_JOBS=10000 runs the full race.
  it('admit every job with no quota breach and no double admission', async () => {
    const client = localDynamoClient(inject('dynamoEndpoint'));
    const tableName = `race-${randomUUID()}`;
    await createEventStoreTable(client, tableName);
    const store = new DynamoEventStore({ client, tableName });
    const jobs = Number(process.env.SLUICE_RACE_JOBS ?? 1_000);
    const result = await raceReactors(store, { jobs, reactors: 4, policy: sluicePolicy, submitBatch: 24 });
    console.log('dynamodb race:', JSON.stringify(result));
    expect(result.quotaBreaches).toEqual([]);
    expect(result.doubleAdmissions).toBe(0);
    expect(result.admissions).toBe(jobs);
    expect(result.notAdmitted).toBe(0);
    expect(result.leftReserved).toBe(0);
    client.destroy();
  }, 1_800_000);
});
