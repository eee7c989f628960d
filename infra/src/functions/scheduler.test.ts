import { jobStreamId } from '@sluice/domain';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createProjectorHandler } from './projector';
import { createSchedulerHandler } from './scheduler';
import { createDynamoTables, type DynamoTables } from './testing/dynamoHarness';
import { scheduledEvent } from './testing/lambdaEvents';
import { seedWorkload } from '@sluice/api/testing';

let tables: DynamoTables;
afterEach(() => tables?.close());

async function statusOf(jobId: string): Promise<string[]> {
  return (await tables.store.readStream(jobStreamId(jobId))).events.map((e) => e.type);
}

describe('scheduler Lambda', () => {
  it('admits on a stream batch that carries waking events, from the saved views', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const { jobIds } = await seedWorkload(tables.store, 2);
    const batch = await tables.nextStreamBatch();
    // The projector saved part of the log; the scheduler catches up the rest itself.
    await (
      await createProjectorHandler(tables.runtime)
    )(batch);
    const schedule = await createSchedulerHandler(tables.runtime);
    expect(await schedule(batch)).toEqual({ batchItemFailures: [] });
    const admitted = (await Promise.all(jobIds.map(statusOf))).filter((types) =>
      types.includes('JobAdmitted'),
    );
    expect(admitted).toHaveLength(1);
    const cycles = (await tables.store.readStream('scheduler')).events;
    expect(cycles.at(-1)).toMatchObject({
      type: 'AdmissionCycleCompleted',
      data: { scheduler: 'test-scheduler', admitted: [expect.any(String)] },
    });
  });

  it('leaves a batch of events that cannot let a job in alone', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    await seedWorkload(tables.store, 0);
    const schedule = await createSchedulerHandler(tables.runtime);
    expect(await schedule(await tables.nextStreamBatch())).toEqual({ batchItemFailures: [] });
    expect((await tables.store.readStream('scheduler')).currentVersion).toBe(0);
  });

  it('runs a cycle on the EventBridge schedule', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const { jobIds } = await seedWorkload(tables.store, 1);
    const schedule = await createSchedulerHandler(tables.runtime);
    const result = await schedule(scheduledEvent());
    expect(result).toMatchObject({ cycle: { admitted: [jobIds[0]] } });
    expect(await statusOf(jobIds[0]!)).toEqual(['JobSubmitted', 'JobAdmitted']);
  });
});
