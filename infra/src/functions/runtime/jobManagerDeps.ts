import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import {
  DynamoTaskTokenStore,
  StepFunctionsTaskTokenNotifier,
  awsBackends,
  createAwsClient,
} from '@sluice/adapters';
import type { JobManagerDeps } from '@sluice/scheduler';
import type { CloudConfig } from './cloudConfig';
import type { CloudRuntime } from './cloudRuntime';
import { withLambdaLogging } from './lambdaLogger';

/** The job manager's dependencies in the cloud: AWS backends, task tokens on the projection table. */
export function cloudJobManagerDeps(
  runtime: CloudRuntime,
  config: CloudConfig,
  dynamo?: DynamoDBClient,
): JobManagerDeps {
  const region = config.region ? { region: config.region } : {};
  const client =
    dynamo ??
    new DynamoDBClient({ ...region, ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}) });
  return {
    store: runtime.store,
    backends: awsBackends(region),
    context: (actor) => ({ now: runtime.clock().toISOString(), actor, newEventId: runtime.newId }),
    clockMs: () => runtime.clock().getTime(),
    tokens: new DynamoTaskTokenStore({ client, tableName: config.projectionTable }),
    notifier: new StepFunctionsTaskTokenNotifier({
      client: createAwsClient(SFNClient, region),
      onTaskOver: (_token, reason) => runtime.logger.info({ reason }, 'task already over'),
    }),
  };
}

/** Builds a job-manager task handler: the event is the task's Payload, the result its output. */
export function jobManagerTask<I, O>(
  task: (deps: JobManagerDeps, input: I) => Promise<O>,
  build: () => JobManagerDeps,
) {
  let deps: JobManagerDeps | undefined;
  return withLambdaLogging(async (event: I): Promise<O> => task((deps ??= build()), event));
}
