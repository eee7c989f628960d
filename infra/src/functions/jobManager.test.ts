import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { jobStreamId } from '@sluice/domain';
import { SimulatedBackend } from '@sluice/adapters';
import { MemoryTaskTokenStore, type JobManagerDeps, type TaskTokenNotifier } from '@sluice/scheduler';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createReconcilerHandler } from './reconciler';
import { createSchedulerHandler } from './scheduler';
import { createDynamoTables, type DynamoTables } from './testing/dynamoHarness';
import { seedContext, seedWorkload } from '@sluice/api/testing';

let tables: DynamoTables;
afterEach(() => tables?.close());

/** Records answers instead of calling Step Functions; the tokens are real entries of the store. */
function recordingNotifier() {
  const answers: { token: string; kind: string; output?: unknown }[] = [];
  const notifier: TaskTokenNotifier = {
    succeed: async (token, output) => void answers.push({ token, kind: 'success', output }),
    fail: async (token, error) => void answers.push({ token, kind: error }),
    heartbeat: async (token) => void answers.push({ token, kind: 'heartbeat' }),
  };
  return { notifier, answers };
}

describe('scheduler and reconciler Lambdas driving the job manager (DynamoDB Local)', () => {
  it('start an execution per submitted job, answer the token of the admitted one, heartbeat the waiting one', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const sfn = mockClient(SFNClient);
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:x', startDate: new Date() });
    const { notifier, answers } = recordingNotifier();
    const tokens = new MemoryTaskTokenStore();
    let now = Date.now();
    const deps: JobManagerDeps = {
      store: tables.store,
      backends: {
        glue: new SimulatedBackend({
          backend: 'glue',
          clock: () => now,
          seed: 1,
          runMs: { kind: 'fixed', ms: 1000 },
        }),
      },
      context: (actor) => ({ ...seedContext(), actor }),
      tokens,
      notifier,
    };
    const { jobIds } = await seedWorkload(tables.store, 2);
    // Both executions are waiting at RequestAdmission before any admission.
    await tokens.put(jobIds[0]!, 'token-0');
    await tokens.put(jobIds[1]!, 'token-1');

    const schedule = await createSchedulerHandler(tables.runtime, undefined, {
      deps,
      sfn: new SFNClient({ region: 'us-east-1' }),
      stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:jm',
    });
    expect(await schedule(await tables.nextStreamBatch())).toEqual({ batchItemFailures: [] });
    expect(
      sfn
        .commandCalls(StartExecutionCommand)
        .map((c) => JSON.parse(c.args[0].input.input!).jobId)
        .sort(),
    ).toEqual([...jobIds].sort());
    // The admission the cycle wrote arrives in the next batch: its execution is answered.
    await schedule(await tables.nextStreamBatch());
    const admitted = (await tables.store.readStream(jobStreamId(jobIds[0]!))).events.some(
      (e) => e.type === 'JobAdmitted',
    )
      ? 0
      : 1;
    expect(answers).toEqual([
      {
        token: `token-${admitted}`,
        kind: 'success',
        output: { jobId: jobIds[admitted], poolId: 'glue-prod' },
      },
    ]);

    const reconcileNow = await createReconcilerHandler(tables.runtime, deps);
    now += 60_000;
    const report = await reconcileNow({});
    expect(report).toMatchObject({ heartbeats: 1 });
    expect(answers.at(-1)).toEqual({ token: `token-${1 - admitted}`, kind: 'heartbeat' });
    sfn.restore();
  }, 60_000);

  it('registers the pools a deploy declares, once', async () => {
    tables = await createDynamoTables(inject('dynamoEndpoint'));
    const deps: JobManagerDeps = {
      store: tables.store,
      backends: {},
      context: (actor) => ({ ...seedContext(), actor }),
    };
    const reconcileNow = await createReconcilerHandler(tables.runtime, deps);
    const event = {
      source: 'sluice.deploy' as const,
      action: 'registerPools' as const,
      pools: [
        { poolId: 'batch-main', backend: 'batch' as const, capacity: { vcpu: 256 }, quotas: { vcpu: 256 } },
      ],
    };
    expect(await reconcileNow(event)).toEqual({ registered: ['batch-main'] });
    expect(await reconcileNow(event)).toEqual({ registered: [] });
    expect((await tables.store.readStream('pool-batch-main')).events.map((e) => e.type)).toEqual([
      'PoolRegistered',
    ]);
  }, 60_000);
});
