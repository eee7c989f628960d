import type { FunctionName } from '../functions/catalog';

/**
 * What a grant applies to. Each target resolves to specific ARNs (see resolveTargets); the
 * `*Any` targets are for actions AWS does not scope to resources, and each such action must be
 * listed in WILDCARD_EXCEPTIONS with its reason.
 */
export type Target =
  | 'eventStore'
  | 'eventStoreStream'
  | 'streamAny'
  | 'projections'
  | 'key'
  | 'stateMachine'
  | 'dlq'
  | 'bus'
  | 'logs'
  | 'glueJob'
  | 'glueCrawler'
  | 'glueConnection'
  | 'glueQuota'
  | 'ec2Any'
  | 'emrCluster'
  | 'emrAny'
  | 'batchSubmit'
  | 'batchJob'
  | 'batchAny';

export interface Grant {
  target: Target;
  actions: readonly string[];
}

// readStream and readAll: the head or counter item, then a query of the versions or positions.
const EVENT_STORE_READ = ['dynamodb:GetItem', 'dynamodb:Query'] as const;
// An append pre-reads guards with BatchGetItem; TransactWriteItems is authorised per item as Put (events) and Update (heads, counter).
const EVENT_STORE_APPEND = [
  ...EVENT_STORE_READ,
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
] as const;
// Checkpoint loads are GetItem and TransactGetItems (authorised as GetItem); saves are one TransactWriteItems of Puts.
const CHECKPOINT_READ = ['dynamodb:GetItem'] as const;
const CHECKPOINT_WRITE = ['dynamodb:GetItem', 'dynamodb:PutItem'] as const;
// Task tokens and the crawler-start records are key-value items: put, read, take (delete).
const KEY_VALUE = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'] as const;
const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'] as const;
// DynamoDB tables and SQS queues are encrypted with the stage key; callers need it through those services.
const KEY_USE = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;
const LOGS = ['logs:CreateLogStream', 'logs:PutLogEvents'] as const;

const base = (...grants: Grant[]): Grant[] => [
  { target: 'logs', actions: LOGS },
  { target: 'key', actions: KEY_USE },
  ...grants,
];

/**
 * The one place that says which AWS actions each function's code calls, and on what. The role
 * policies are generated from it and the tests hold every policy to it; a handler that starts
 * calling a new action changes this list in the same commit.
 */
export const FUNCTION_ACCESS: Record<FunctionName, readonly Grant[]> = {
  api: base(
    { target: 'eventStore', actions: EVENT_STORE_APPEND },
    { target: 'projections', actions: CHECKPOINT_READ },
  ),
  authorizer: base(
    { target: 'eventStore', actions: EVENT_STORE_READ },
    { target: 'projections', actions: CHECKPOINT_READ },
  ),
  projector: base(
    { target: 'eventStoreStream', actions: STREAM_READ },
    { target: 'streamAny', actions: ['dynamodb:ListStreams'] },
    { target: 'eventStore', actions: EVENT_STORE_READ },
    { target: 'projections', actions: CHECKPOINT_WRITE },
    { target: 'bus', actions: ['events:PutEvents'] },
    { target: 'dlq', actions: ['sqs:SendMessage'] },
  ),
  scheduler: base(
    { target: 'eventStoreStream', actions: STREAM_READ },
    { target: 'streamAny', actions: ['dynamodb:ListStreams'] },
    { target: 'eventStore', actions: EVENT_STORE_APPEND },
    { target: 'projections', actions: KEY_VALUE },
    {
      target: 'stateMachine',
      actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure'],
    },
    { target: 'dlq', actions: ['sqs:SendMessage'] },
  ),
  'request-admission': base(
    { target: 'eventStore', actions: EVENT_STORE_READ },
    { target: 'projections', actions: KEY_VALUE },
    { target: 'stateMachine', actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'] },
  ),
  'start-job': base(
    { target: 'eventStore', actions: EVENT_STORE_APPEND },
    { target: 'projections', actions: KEY_VALUE },
    // Start, find a run started before (idempotent retries), and stop a run whose job was cancelled meanwhile.
    { target: 'glueJob', actions: ['glue:StartJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'] },
    { target: 'glueCrawler', actions: ['glue:StartCrawler', 'glue:GetCrawler', 'glue:StopCrawler'] },
    { target: 'emrAny', actions: ['elasticmapreduce:ListClusters'] },
    {
      target: 'emrCluster',
      actions: [
        'elasticmapreduce:ListSteps',
        'elasticmapreduce:AddJobFlowSteps',
        'elasticmapreduce:CancelSteps',
      ],
    },
    { target: 'batchAny', actions: ['batch:ListJobs'] },
    { target: 'batchSubmit', actions: ['batch:SubmitJob'] },
    // SubmitJob with tags is also authorised as TagResource on the new job.
    { target: 'batchJob', actions: ['batch:TagResource', 'batch:TerminateJob'] },
  ),
  'get-job-status': base(
    { target: 'eventStore', actions: EVENT_STORE_READ },
    { target: 'glueJob', actions: ['glue:GetJobRun'] },
    { target: 'glueCrawler', actions: ['glue:GetCrawler'] },
    { target: 'emrCluster', actions: ['elasticmapreduce:DescribeStep'] },
    { target: 'batchAny', actions: ['batch:DescribeJobs'] },
  ),
  'report-result': base({ target: 'eventStore', actions: EVENT_STORE_APPEND }),
  'report-failure': base({ target: 'eventStore', actions: EVENT_STORE_APPEND }),
  // Stop the run (reading its status where the backend refuses to stop one that already ended), then record.
  'time-out-run': base(
    { target: 'eventStore', actions: EVENT_STORE_APPEND },
    { target: 'glueJob', actions: ['glue:BatchStopJobRun', 'glue:GetJobRun'] },
    { target: 'glueCrawler', actions: ['glue:StopCrawler'] },
    { target: 'emrCluster', actions: ['elasticmapreduce:CancelSteps', 'elasticmapreduce:DescribeStep'] },
    { target: 'batchJob', actions: ['batch:TerminateJob'] },
  ),
  reconciler: base(
    { target: 'eventStore', actions: EVENT_STORE_APPEND },
    { target: 'projections', actions: CHECKPOINT_READ },
    { target: 'stateMachine', actions: ['states:SendTaskHeartbeat'] },
    { target: 'dlq', actions: ['sqs:SendMessage'] },
    { target: 'glueJob', actions: ['glue:GetJobRuns', 'glue:GetJobRun'] },
    { target: 'glueCrawler', actions: ['glue:GetCrawler'] },
    { target: 'glueConnection', actions: ['glue:GetConnection'] },
    { target: 'glueQuota', actions: ['servicequotas:GetServiceQuota'] },
    { target: 'ec2Any', actions: ['ec2:DescribeSubnets'] },
    { target: 'emrAny', actions: ['elasticmapreduce:ListClusters'] },
    {
      target: 'emrCluster',
      actions: [
        'elasticmapreduce:ListSteps',
        'elasticmapreduce:DescribeCluster',
        'elasticmapreduce:DescribeStep',
      ],
    },
    {
      target: 'batchAny',
      actions: [
        'batch:DescribeJobQueues',
        'batch:DescribeComputeEnvironments',
        'batch:ListJobs',
        'batch:DescribeJobs',
      ],
    },
  ),
};

/** Every action a function may be granted, in order, without repeats. */
export function actionsOf(name: FunctionName): string[] {
  return [...new Set(FUNCTION_ACCESS[name].flatMap((grant) => grant.actions))];
}
