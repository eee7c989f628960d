import type * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import type { FunctionName } from '../functions/catalog';

/** Namespace and dimension of the metrics the functions publish in Embedded Metric Format; the alarms read the same. */
export const METRICS_NAMESPACE = 'Sluice';
export const OLDEST_QUEUED_JOB_AGE_METRIC = 'OldestQueuedJobAgeSeconds';
export const STAGE_DIMENSION = 'Stage';

export interface EnvironmentInputs {
  eventStoreTable: pulumi.Input<string>;
  projectionTable: pulumi.Input<string>;
  stateMachineArn: pulumi.Input<string>;
  eventBusName: pulumi.Input<string>;
}

/** What each handler reads from its environment (packages/api/src/lambda/cloudConfig.ts reads the first ones). */
export function functionEnvironment(config: StageConfig, inputs: EnvironmentInputs) {
  return (name: FunctionName): Record<string, pulumi.Input<string>> => ({
    EVENT_STORE_TABLE: inputs.eventStoreTable,
    PROJECTION_TABLE: inputs.projectionTable,
    LOG_LEVEL: config.logLevel,
    SLUICE_STAGE: config.stage,
    METRICS_NAMESPACE,
    NODE_OPTIONS: '--enable-source-maps',
    ...(name === 'scheduler' ? { STATE_MACHINE_ARN: inputs.stateMachineArn } : {}),
    ...(name === 'projector' ? { EVENT_BUS_NAME: inputs.eventBusName } : {}),
    // A job queued longer than its execution waits has nobody waiting for it: the reconciler withdraws it.
    ...(name === 'reconciler'
      ? { ADMISSION_TIMEOUT_SECONDS: String(config.jobManager.admissionTimeoutSeconds) }
      : {}),
  });
}
