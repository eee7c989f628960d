import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import type { DlqName } from '../data/deadLetterQueues';
import {
  METRICS_NAMESPACE,
  OLDEST_QUEUED_JOB_AGE_METRIC,
  STAGE_DIMENSION,
} from '../lambdas/functionEnvironment';
import type { StageFunctions } from '../lambdas/lambdas';
import { physicalName } from '../naming';

interface DashboardInputs {
  region: pulumi.Input<string>;
  functions: StageFunctions;
  dlqs: Map<DlqName, aws.sqs.Queue>;
  stateMachine: aws.sfn.StateMachine;
  eventStoreTable: aws.dynamodb.Table;
  apiId: pulumi.Input<string>;
}

const widget = (title: string, metrics: unknown[][], region: string, y: number, x: number, stat = 'Sum') => ({
  type: 'metric',
  x,
  y,
  width: 12,
  height: 6,
  properties: { title, metrics, region, stat, period: 300, view: 'timeSeries' },
});

/** One page for the stage: queue age, throughput, failures, dead letters, throttles and the table's load. */
export function dashboard(config: StageConfig, inputs: DashboardInputs): aws.cloudwatch.Dashboard {
  const functionNames = pulumi.all([...inputs.functions.values()].map(({ fn }) => fn.name));
  const queueNames = pulumi.all([...inputs.dlqs.values()].map((queue) => queue.name));
  const body = pulumi
    .all([
      inputs.region,
      functionNames,
      queueNames,
      inputs.stateMachine.arn,
      inputs.eventStoreTable.name,
      inputs.apiId,
    ])
    .apply(([region, fns, queues, stateMachineArn, tableName, apiId]) =>
      JSON.stringify({
        widgets: [
          widget(
            'Oldest queued job (s)',
            [[METRICS_NAMESPACE, OLDEST_QUEUED_JOB_AGE_METRIC, STAGE_DIMENSION, config.stage]],
            region,
            0,
            0,
            'Maximum',
          ),
          widget(
            'Job-manager executions',
            ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed'].map((metric) => [
              'AWS/States',
              metric,
              'StateMachineArn',
              stateMachineArn,
            ]),
            region,
            0,
            12,
          ),
          widget(
            'Dead-letter queues',
            queues.map((queue) => ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queue]),
            region,
            6,
            0,
            'Maximum',
          ),
          widget(
            'Lambda throttles',
            fns.map((fn) => ['AWS/Lambda', 'Throttles', 'FunctionName', fn]),
            region,
            6,
            12,
          ),
          widget(
            'Lambda errors',
            fns.map((fn) => ['AWS/Lambda', 'Errors', 'FunctionName', fn]),
            region,
            12,
            0,
          ),
          widget(
            'Event store',
            [
              ['AWS/DynamoDB', 'ConsumedWriteCapacityUnits', 'TableName', tableName],
              ['AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'TableName', tableName],
              ['AWS/DynamoDB', 'TransactionConflict', 'TableName', tableName],
            ],
            region,
            12,
            12,
          ),
          widget(
            'API',
            [
              ['AWS/ApiGateway', 'Count', 'ApiId', apiId],
              ['AWS/ApiGateway', '4xx', 'ApiId', apiId],
              ['AWS/ApiGateway', '5xx', 'ApiId', apiId],
            ],
            region,
            18,
            0,
          ),
        ],
      }),
    );
  return new aws.cloudwatch.Dashboard(physicalName(config.stage, 'dashboard'), {
    dashboardName: physicalName(config.stage, 'overview'),
    dashboardBody: body,
  });
}
