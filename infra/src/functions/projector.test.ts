import type { EventStore } from '@sluice/domain';
import { handleJobCommand } from '@sluice/scheduler';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ApiViews } from '@sluice/scheduler';
import { createProjectorHandler } from './projector';
import { createDynamoTables, type DynamoTables } from './testing/dynamoHarness';
import { seedContext, seedWorkload } from '@sluice/api/testing';

let tables: DynamoTables;
const savedEnv = { ...process.env };
afterEach(() => {
  tables?.close();
  process.env = { ...savedEnv };
});

describe('projector Lambda', () => {
  it('catches the saved views up on each stream batch, moving the checkpoint forward', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const { jobIds } = await seedWorkload(tables.store, 3);
    const project = await createProjectorHandler(tables.runtime);

    const first = await tables.nextStreamBatch();
    expect(first.Records.length).toBeGreaterThan(10);
    expect(await project(first)).toEqual({ batchItemFailures: [] });
    const saved = await tables.runtime.checkpoints.load<ApiViews>('apiViews');
    const lastPosition = (await tables.store.readAll({ limit: 1000 })).lastPosition;
    expect(saved?.position).toBe(lastPosition);
    expect(Object.keys(saved!.state.queue.pending).sort()).toEqual([...jobIds].sort());
    expect(Object.keys(saved!.state.apiKeys.byHash)).toHaveLength(3);

    await handleJobCommand(
      tables.store,
      jobIds[0]!,
      { type: 'CancelJob', reason: 'not needed' },
      seedContext(),
    );
    expect(await project(await tables.nextStreamBatch())).toEqual({ batchItemFailures: [] });
    const later = await tables.runtime.checkpoints.load<ApiViews>('apiViews');
    expect(later!.position).toBeGreaterThan(saved!.position);
    expect(later!.state.jobs.jobs[jobIds[0]!]?.status).toBe('cancelled');
  });

  it('reports the records it could not cover as batch item failures, and recovers on the next batch', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    await seedWorkload(tables.store, 2);
    let failing = true;
    const flaky: EventStore = new Proxy(tables.store, {
      get(target, property, receiver) {
        if (property === 'readAll' && failing) return async () => Promise.reject(new Error('throttled'));
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const project = await createProjectorHandler({ ...tables.runtime, store: flaky });
    const batch = await tables.nextStreamBatch();
    const result = await project(batch);
    expect(result.batchItemFailures.length).toBe(batch.Records.length);
    expect(await tables.runtime.checkpoints.load('apiViews')).toBeUndefined();

    failing = false;
    expect(await project(batch)).toEqual({ batchItemFailures: [] });
    expect((await tables.runtime.checkpoints.load('apiViews'))?.position).toBe(
      (await tables.store.readAll()).lastPosition,
    );
  });

  it('runs as the bundled handler from its environment', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    await seedWorkload(tables.store, 1);
    Object.assign(process.env, {
      EVENT_STORE_TABLE: tables.eventStoreTable,
      PROJECTION_TABLE: tables.projectionTable,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      LOG_LEVEL: 'silent',
    });
    const { handler } = await import('./projector');
    expect(await handler(await tables.nextStreamBatch())).toEqual({ batchItemFailures: [] });
    expect((await tables.runtime.checkpoints.load('apiViews'))?.position).toBe(
      (await tables.store.readAll()).lastPosition,
    );
  });
});
