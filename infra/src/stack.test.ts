import validator from 'asl-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE_KEYS } from './data/eventStoreKeys';
import { STATES } from './jobManager/jobManagerDefinition';
import { FUNCTION_NAMES, JOB_MANAGER_TASKS } from './functions/catalog';
import { FEED_INSERTS_FILTER } from './lambdas/streams';
import { ACCOUNT, declareStage, named, ofType, REGION, type RecordedResource } from './testing/pulumiMocks';

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const KEY = arn('kms', 'key/sluice-dev-key-id');
const POOLS = [
  { poolId: 'glue-etl', backend: 'glue', capacity: { runs: 50, dpu: 500 }, quotas: { runs: 40 } },
];

let resources: RecordedResource[];
beforeAll(async () => {
  ({ resources } = await declareStage('dev', { pools: POOLS }));
});

type Inputs = Record<string, unknown>;
const inputsOf = (type: string, name: string) => named(resources, type, name).inputs as Inputs;

describe('stack wiring', () => {
  it('encrypts every table with the stage key and keeps point-in-time recovery on', () => {
    const tables = ofType(resources, 'aws:dynamodb/table:Table');
    expect(tables.map((t) => t.name).sort()).toEqual(['sluice-dev-events', 'sluice-dev-projections']);
    for (const table of tables) {
      expect(table.inputs.serverSideEncryption).toEqual({ enabled: true, kmsKeyArn: KEY });
      expect(table.inputs.pointInTimeRecovery).toEqual({ enabled: true });
    }
  });

  it('declares the event store with the adapter keys and a NEW_IMAGE stream', () => {
    const table = inputsOf('aws:dynamodb/table:Table', 'sluice-dev-events') as Record<string, unknown>;
    expect(table).toMatchObject({
      hashKey: EVENT_STORE_KEYS.partitionKey.name,
      rangeKey: EVENT_STORE_KEYS.sortKey.name,
      attributes: [
        { name: 'pk', type: 'S' },
        { name: 'sk', type: 'N' },
      ],
      streamEnabled: true,
      streamViewType: 'NEW_IMAGE',
    });
    expect(inputsOf('aws:dynamodb/table:Table', 'sluice-dev-projections')).toMatchObject({
      ttl: { enabled: true, attributeName: 'expiresAt' },
    });
  });

  it('encrypts the queues and the alarm topic with the stage key, which rotates', () => {
    expect(inputsOf('aws:kms/key:Key', 'sluice-dev-key')).toMatchObject({ enableKeyRotation: true });
    const queues = ofType(resources, 'aws:sqs/queue:Queue');
    expect(queues.map((q) => q.name).sort()).toEqual(
      ['projector', 'reconciler', 'scheduler', 'schedules'].map((n) => `sluice-dev-${n}-dlq`),
    );
    for (const queue of queues) expect(queue.inputs.kmsMasterKeyId).toBe(KEY);
    expect(inputsOf('aws:sns/topic:Topic', 'sluice-dev-alarms')).toMatchObject({
      kmsMasterKeyId: 'sluice-dev-key-id',
    });
  });

  it('deploys every handler on nodejs22.x and arm64 from its esbuild output directory', async () => {
    const functions = ofType(resources, 'aws:lambda/function:Function');
    expect(functions.map((f) => f.name).sort()).toEqual(FUNCTION_NAMES.map((n) => `sluice-dev-${n}`).sort());
    for (const fn of functions) {
      expect(fn.inputs).toMatchObject({
        runtime: 'nodejs22.x',
        architectures: ['arm64'],
        handler: 'index.handler',
      });
      const path = await (fn.inputs.code as { path: Promise<string> }).path;
      expect(path.endsWith(`/infra/dist/functions/${fn.name.replace('sluice-dev-', '')}`)).toBe(true);
      expect(fn.inputs.environment).toMatchObject({
        variables: { EVENT_STORE_TABLE: 'sluice-dev-events', PROJECTION_TABLE: 'sluice-dev-projections' },
      });
    }
    expect(inputsOf('aws:lambda/function:Function', 'sluice-dev-scheduler')).toMatchObject({
      environment: { variables: { STATE_MACHINE_ARN: arn('states', 'stateMachine:sluice-dev-job-manager') } },
    });
    expect(inputsOf('aws:lambda/function:Function', 'sluice-dev-reconciler')).toMatchObject({
      environment: { variables: { ADMISSION_TIMEOUT_SECONDS: '86400' } },
    });
  });

  it('feeds the projector and the scheduler from the stream, with partial failures and a DLQ', () => {
    const mappings = ofType(resources, 'aws:lambda/eventSourceMapping:EventSourceMapping');
    expect(mappings.map((m) => m.name).sort()).toEqual([
      'sluice-dev-projector-stream',
      'sluice-dev-scheduler-stream',
    ]);
    for (const mapping of mappings) {
      const consumer = mapping.name.replace(/^sluice-dev-|-stream$/g, '');
      expect(mapping.inputs).toMatchObject({
        eventSourceArn: `${arn('dynamodb', 'table/sluice-dev-events')}/stream/2026-01-01T00:00:00.000`,
        functionName: arn('lambda', `function:sluice-dev-${consumer}`),
        bisectBatchOnFunctionError: true,
        functionResponseTypes: ['ReportBatchItemFailures'],
        maximumRetryAttempts: 10,
        destinationConfig: { onFailure: { destinationArn: arn('sqs', `sluice-dev-${consumer}-dlq`) } },
      });
      expect(
        JSON.parse((mapping.inputs.filterCriteria as { filters: { pattern: string }[] }).filters[0]!.pattern),
      ).toEqual(FEED_INSERTS_FILTER);
    }
  });

  it('ticks the scheduler every minute and the reconciler every five, with retries and a DLQ', () => {
    const schedules = ofType(resources, 'aws:scheduler/schedule:Schedule');
    const byName = Object.fromEntries(
      schedules.map((s) => [s.name, s.inputs as Record<string, { arn: string; deadLetterConfig: unknown }>]),
    );
    expect(byName['sluice-dev-scheduler-tick']).toMatchObject({
      scheduleExpression: 'rate(1 minute)',
      target: { arn: arn('lambda', 'function:sluice-dev-scheduler') },
    });
    expect(byName['sluice-dev-reconciler']).toMatchObject({
      scheduleExpression: 'rate(5 minutes)',
      target: { arn: arn('lambda', 'function:sluice-dev-reconciler') },
    });
    for (const schedule of schedules) {
      expect(schedule.inputs).toMatchObject({
        target: { deadLetterConfig: { arn: arn('sqs', 'sluice-dev-schedules-dlq') } },
      });
    }
    const asyncConfigs = ofType(resources, 'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig');
    expect(
      asyncConfigs
        .map((c) => [
          c.inputs.functionName,
          (c.inputs.destinationConfig as { onFailure: { destination: string } }).onFailure.destination,
        ])
        .sort(),
    ).toEqual([
      ['sluice-dev-reconciler', arn('sqs', 'sluice-dev-reconciler-dlq')],
      ['sluice-dev-scheduler', arn('sqs', 'sluice-dev-scheduler-dlq')],
    ]);
  });

  it('deploys the generated job-manager ASL, valid and wired to the task functions', () => {
    const machine = inputsOf('aws:sfn/stateMachine:StateMachine', 'sluice-dev-job-manager') as Record<
      string,
      unknown
    >;
    expect(machine).toMatchObject({
      type: 'STANDARD',
      loggingConfiguration: { level: 'ERROR', includeExecutionData: false },
    });
    const definition = JSON.parse(machine.definition as string);
    const result = validator(structuredClone(definition));
    expect(result.errors).toEqual([]);
    const functionOf = (state: string) => definition.States[state].Parameters.FunctionName;
    expect(functionOf(STATES.requestAdmission)).toBe(
      arn('lambda', `function:sluice-dev-${JOB_MANAGER_TASKS.requestAdmission}`),
    );
    expect(functionOf(STATES.startJob)).toBe(
      arn('lambda', `function:sluice-dev-${JOB_MANAGER_TASKS.startJob}`),
    );
    expect(functionOf(STATES.reportFailure)).toBe(
      arn('lambda', `function:sluice-dev-${JOB_MANAGER_TASKS.reportFailure}`),
    );
    expect(definition.States[STATES.requestAdmission]).toMatchObject({
      HeartbeatSeconds: 1800,
      TimeoutSeconds: 86400,
    });
    expect(definition.States[STATES.waitForRun].Seconds).toBe(30);
  });

  it('serves an HTTP API behind the Lambda authorizer, with access logs and stage throttling', () => {
    expect(inputsOf('aws:apigatewayv2/api:Api', 'sluice-dev-api')).toMatchObject({ protocolType: 'HTTP' });
    const authorizer = inputsOf(
      'aws:apigatewayv2/authorizer:Authorizer',
      'sluice-dev-api-authorizer',
    ) as Record<string, string>;
    expect(authorizer).toMatchObject({
      authorizerType: 'REQUEST',
      authorizerPayloadFormatVersion: '2.0',
      enableSimpleResponses: true,
    });
    expect(authorizer.authorizerUri).toContain('function:sluice-dev-authorizer/');
    expect(ofType(resources, 'aws:apigatewayv2/route:Route').map((r) => r.inputs)).toEqual([
      expect.objectContaining({
        routeKey: '$default',
        authorizationType: 'CUSTOM',
        authorizerId: 'sluice-dev-api-authorizer-id',
      }),
    ]);
    expect(inputsOf('aws:apigatewayv2/stage:Stage', 'sluice-dev-api-stage')).toMatchObject({
      name: '$default',
      accessLogSettings: { destinationArn: arn('logs', 'log-group:/aws/apigateway/sluice-dev-api') },
      defaultRouteSettings: { throttlingBurstLimit: 50, throttlingRateLimit: 20 },
    });
    expect(inputsOf('aws:cloudwatch/logGroup:LogGroup', 'sluice-dev-api-access-logs')).toMatchObject({
      retentionInDays: 14,
    });
    const permissions = ofType(resources, 'aws:lambda/permission:Permission').map((p) => [
      p.inputs.function,
      p.inputs.principal,
    ]);
    expect(permissions.sort()).toEqual([
      ['sluice-dev-api', 'apigateway.amazonaws.com'],
      ['sluice-dev-authorizer', 'apigateway.amazonaws.com'],
    ]);
  });

  it('alarms on queue age, dead letters, throttles and failed executions, to the topic', () => {
    const alarms = ofType(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm');
    const metric = (name: string) =>
      named(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm', `sluice-dev-${name}`).inputs;
    expect(metric('oldest-queued-job-age')).toMatchObject({
      namespace: 'Sluice',
      metricName: 'OldestQueuedJobAgeSeconds',
      dimensions: { Stage: 'dev' },
      threshold: 3600,
    });
    expect(metric('job-manager-failures')).toMatchObject({
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensions: { StateMachineArn: arn('states', 'stateMachine:sluice-dev-job-manager') },
    });
    for (const queue of ['projector', 'scheduler', 'reconciler', 'schedules']) {
      expect(metric(`${queue}-dlq-depth`)).toMatchObject({
        namespace: 'AWS/SQS',
        dimensions: { QueueName: `sluice-dev-${queue}-dlq` },
        threshold: 0,
      });
    }
    for (const fn of FUNCTION_NAMES)
      expect(metric(`${fn}-throttles`)).toMatchObject({ namespace: 'AWS/Lambda', metricName: 'Throttles' });
    expect(alarms).toHaveLength(2 + 4 + FUNCTION_NAMES.length);
    for (const alarm of alarms) expect(alarm.inputs.alarmActions).toEqual([arn('sns', 'sluice-dev-alarms')]);
    const body = JSON.parse(
      String(inputsOf('aws:cloudwatch/dashboard:Dashboard', 'sluice-dev-dashboard').dashboardBody),
    );
    expect(body.widgets.map((w: { properties: { title: string } }) => w.properties.title)).toContain(
      'Oldest queued job (s)',
    );
  });

  it('registers the configured pools through the reconciler', () => {
    const invocation = inputsOf('aws:lambda/invocation:Invocation', 'sluice-dev-initial-pools') as Record<
      string,
      string
    >;
    expect(invocation.functionName).toBe('sluice-dev-reconciler');
    expect(JSON.parse(String(invocation.input))).toEqual({
      source: 'sluice.deploy',
      action: 'registerPools',
      pools: POOLS,
    });
  });

  it('gives every log group the stage retention', () => {
    for (const group of ofType(resources, 'aws:cloudwatch/logGroup:LogGroup'))
      expect(group.inputs.retentionInDays, group.name).toBe(14);
  });
});
