import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { httpApi } from './api/httpApi';
import type { StageConfig } from './config/stageConfig';
import { deadLetterQueues } from './data/deadLetterQueues';
import { eventStoreTable } from './data/eventStoreTable';
import { initialPools } from './data/initialPools';
import { stageKey } from './data/kms';
import { projectionTable } from './data/projectionTable';
import { eventBus } from './events/eventBus';
import { schedules } from './events/schedules';
import { jobManager, stateMachineArn } from './jobManager/stateMachine';
import { asyncFailureDestinations } from './lambdas/asyncFailures';
import { functionEnvironment } from './lambdas/functionEnvironment';
import { attachFunctionPolicies } from './lambdas/functionPolicies';
import { stageFunctions } from './lambdas/lambdas';
import { streamMappings } from './lambdas/streams';
import { alarms } from './observability/alarms';
import { alarmTopic } from './observability/alarmTopic';
import { dashboard } from './observability/dashboard';

/** Everything one stage deploys, composed; returns what operators and pipelines need to know. */
export function sluiceStage(config: StageConfig) {
  const identity = aws.getCallerIdentityOutput();
  const accountId = identity.accountId;
  const region = aws.getRegionOutput().region;
  const partition = aws.getPartitionOutput().partition;

  const { key } = stageKey(config, accountId, partition);
  const events = eventStoreTable(config, key.arn);
  const projections = projectionTable(config, key.arn);
  const dlqs = deadLetterQueues(config, key.arn);
  const bus = eventBus(config);
  const jobManagerArn = pulumi
    .all([partition, region, accountId])
    .apply(([p, r, a]) => stateMachineArn(p, r, a, config.stage));

  const functions = stageFunctions(
    config,
    functionEnvironment(config, {
      eventStoreTable: events.name,
      projectionTable: projections.name,
      stateMachineArn: jobManagerArn,
      eventBusName: bus.name,
    }),
  );
  const policies = attachFunctionPolicies(config, functions, {
    partition,
    region,
    accountId,
    eventStoreTableArn: events.arn,
    projectionTableArn: projections.arn,
    keyArn: key.arn,
    stateMachineArn: jobManagerArn,
    busArn: bus.arn,
    dlqs,
  });
  streamMappings(config, functions, events.streamArn, dlqs, policies);
  asyncFailureDestinations(config, functions, dlqs, policies);
  schedules(config, functions, dlqs, key.arn, accountId);
  const { stateMachine } = jobManager(config, functions, accountId);
  const api = httpApi(config, functions);
  const topic = alarmTopic(config, key.id);
  alarms(config, { topic, functions, dlqs, stateMachine });
  const board = dashboard(config, {
    region,
    functions,
    dlqs,
    stateMachine,
    eventStoreTable: events,
    apiId: api.api.id,
  });
  initialPools(config, functions, [...policies.values()]);

  return {
    apiEndpoint: api.api.apiEndpoint,
    publisherRoleArn: api.publisherRole?.arn,
    eventStoreTableName: events.name,
    projectionTableName: projections.name,
    stateMachineArn: stateMachine.arn,
    eventBusName: bus.name,
    alarmTopicArn: topic.arn,
    dashboardName: board.dashboardName,
    keyArn: key.arn,
  };
}
