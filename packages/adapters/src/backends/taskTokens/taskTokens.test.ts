import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient } from '../../testing/dynamoLocal';
import { eventStoreTableDefinition } from '../../stores/dynamodb/eventStoreTable';
import { DynamoKeyValueStore } from '../../stores/dynamodb/keyValue/dynamoKeyValueStore';
import { InMemoryKeyValueStore, type KeyValueStore } from '../../stores/dynamodb/keyValue/keyValueStore';
import { TEST_AWS, awsServiceError } from '../../testing/awsFaults';
import { DynamoTaskTokenStore } from './dynamoTaskTokenStore';
import { StepFunctionsTaskTokenNotifier } from './stepFunctionsTaskTokenNotifier';

const meta = { $metadata: { httpStatusCode: 400 } };

describe('StepFunctionsTaskTokenNotifier', () => {
  const setup = () => {
    const client = new SFNClient(TEST_AWS);
    const over: string[] = [];
    return {
      mock: mockClient(client),
      over,
      notifier: new StepFunctionsTaskTokenNotifier({ client, onTaskOver: (_t, reason) => over.push(reason) }),
    };
  };

  it('answers with SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat', async () => {
    const { mock, notifier } = setup();
    mock
      .on(SendTaskSuccessCommand)
      .resolves({})
      .on(SendTaskFailureCommand)
      .resolves({})
      .on(SendTaskHeartbeatCommand)
      .resolves({});
    await notifier.succeed('tok-1', { jobId: 'j', poolId: 'p' });
    await notifier.fail('tok-2', 'JobNotRunnable', 'job j is cancelled');
    await notifier.heartbeat('tok-3');
    expect(mock.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input).toEqual({
      taskToken: 'tok-1',
      output: '{"jobId":"j","poolId":"p"}',
    });
    expect(mock.commandCalls(SendTaskFailureCommand)[0]!.args[0].input).toEqual({
      taskToken: 'tok-2',
      error: 'JobNotRunnable',
      cause: 'job j is cancelled',
    });
    expect(mock.commandCalls(SendTaskHeartbeatCommand)[0]!.args[0].input).toEqual({ taskToken: 'tok-3' });
  });

  it.each([
    ['TaskTimedOut', new TaskTimedOut({ message: 'Task Timed Out', ...meta })],
    ['InvalidToken', new InvalidToken({ message: 'Invalid Token', ...meta })],
    ['TaskDoesNotExist', new TaskDoesNotExist({ message: 'Task does not exist', ...meta })],
  ])('treats %s as an answer already given', async (name, error) => {
    const { mock, notifier, over } = setup();
    mock.on(SendTaskSuccessCommand).rejects(error).on(SendTaskHeartbeatCommand).rejects(error);
    await expect(notifier.succeed('tok', {})).resolves.toBeUndefined();
    await expect(notifier.heartbeat('tok')).resolves.toBeUndefined();
    expect(over).toEqual([name, name]);
  });

  it('lets other failures through, so the caller retries', async () => {
    const { mock, notifier } = setup();
    mock.on(SendTaskFailureCommand).rejects(awsServiceError('ThrottlingException', 'Rate exceeded'));
    await expect(notifier.fail('tok', 'E', 'c')).rejects.toThrow('Rate exceeded');
  });

  it('keeps error and cause within SendTaskFailure limits', async () => {
    const { mock, notifier } = setup();
    mock.on(SendTaskFailureCommand).resolves({});
    await notifier.fail('tok', 'E'.repeat(300), 'c'.repeat(40_000));
    const input = mock.commandCalls(SendTaskFailureCommand)[0]!.args[0].input;
    expect(input.error).toHaveLength(256);
    expect(input.cause).toHaveLength(32_768);
  });
});

function keyValueContract(name: string, make: () => Promise<KeyValueStore> | KeyValueStore) {
  describe(`${name} — key-value store`, () => {
    it('puts, gets, takes once and deletes conditionally', async () => {
      const kv = await make();
      expect(await kv.get('a')).toBeUndefined();
      await kv.put('a', '1');
      await kv.put('a', '2');
      expect(await kv.get('a')).toBe('2');
      expect(await kv.putIfAbsent('a', '3')).toBe('2');
      expect(await kv.putIfAbsent('b', '4')).toBe('4');
      await kv.delete('b', { ifValue: 'other' });
      expect(await kv.get('b')).toBe('4');
      await kv.delete('b', { ifValue: '4' });
      expect(await kv.get('b')).toBeUndefined();
      const [first, second] = await Promise.all([kv.take('a'), kv.take('a')]);
      expect([first, second].sort()).toEqual(['2', undefined].sort());
    });
  });
}

keyValueContract('InMemoryKeyValueStore', () => new InMemoryKeyValueStore());

describe('on DynamoDB Local', () => {
  const endpoint = inject('dynamoEndpoint');
  let client: DynamoDBClient;
  const tableName = `backends-kv-${randomUUID()}`;
  beforeAll(async () => {
    client = localDynamoClient(endpoint);
    // DynamoDB Local creates tables ACTIVE at once: no need to poll for it.
    await client.send(new CreateTableCommand(eventStoreTableDefinition(tableName)));
  });
  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  keyValueContract(
    'DynamoKeyValueStore',
    () => new DynamoKeyValueStore({ client, tableName, namespace: `ns-${randomUUID()}` }),
  );

  it('DynamoTaskTokenStore keeps one token per job on the event-store table, with an expiry, and hands it out once', async () => {
    const store = new DynamoTaskTokenStore({
      client,
      tableName,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    await store.put('job-1', 'old-token');
    await store.put('job-1', 'new-token');
    const [a, b] = await Promise.all([store.take('job-1'), store.take('job-1')]);
    expect([a, b].filter(Boolean)).toEqual(['new-token']);
    expect(await store.take('job-1')).toBeUndefined();
    await store.put('job-2', 'tok');
    const raw = await new DynamoKeyValueStore({ client, tableName, namespace: 'taskToken' }).get('job-2');
    expect(raw).toBe('tok');
  });
});
