/** What every Lambda reads from its environment; infra sets the same names. */
export interface CloudConfig {
  eventStoreTable: string;
  projectionTable: string;
  region?: string;
  /** Only for DynamoDB Local in tests and local runs; unset in AWS. */
  dynamoEndpoint?: string;
  logLevel: string;
  /** Names this scheduler in AdmissionCycleCompleted events. */
  instanceId: string;
  /** The job-manager state machine: the scheduler starts one execution per job attempt. */
  stateMachineArn?: string;
}

export function cloudConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CloudConfig {
  const missing = ['EVENT_STORE_TABLE', 'PROJECTION_TABLE'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`missing environment: ${missing.join(', ')}`);
  return {
    eventStoreTable: env.EVENT_STORE_TABLE!,
    projectionTable: env.PROJECTION_TABLE!,
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    ...(env.DYNAMODB_ENDPOINT ? { dynamoEndpoint: env.DYNAMODB_ENDPOINT } : {}),
    logLevel: env.LOG_LEVEL ?? 'info',
    instanceId: env.SCHEDULER_INSTANCE_ID ?? env.AWS_LAMBDA_LOG_STREAM_NAME ?? 'lambda',
    ...(env.STATE_MACHINE_ARN ? { stateMachineArn: env.STATE_MACHINE_ARN } : {}),
  };
}
