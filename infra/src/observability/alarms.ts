import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import type { DlqName } from '../data/deadLetterQueues';
import {
  METRICS_NAMESPACE,
  OLDEST_QUEUED_JOB_AGE_METRIC,
  STAGE_DIMENSION,
} from '../lambdas/functionEnvironment';
import type { StageFunctions } from '../lambdas/lambdas';
import { physicalName } from '../naming';

export interface AlarmTargets {
  topic: aws.sns.Topic;
  functions: StageFunctions;
  dlqs: Map<DlqName, aws.sqs.Queue>;
  stateMachine: aws.sfn.StateMachine;
}

/**
 * What pages someone: jobs waiting too long, work parked in a dead-letter queue, throttled
 * functions, and executions that gave up. Each alarm also reports its recovery.
 */
export function alarms(config: StageConfig, targets: AlarmTargets): aws.cloudwatch.MetricAlarm[] {
  const { periodSeconds: period, evaluationPeriods } = config.alarms;
  const actions = { alarmActions: [targets.topic.arn], okActions: [targets.topic.arn] };
  const alarm = (
    name: string,
    args: Omit<aws.cloudwatch.MetricAlarmArgs, 'alarmActions' | 'okActions' | 'period' | 'evaluationPeriods'>,
  ) =>
    new aws.cloudwatch.MetricAlarm(physicalName(config.stage, name), {
      name: physicalName(config.stage, name),
      period,
      evaluationPeriods,
      ...actions,
      ...args,
      tags: config.tags,
    });

  const created = [
    // Published only while something is queued, so no data means nothing waits.
    alarm('oldest-queued-job-age', {
      alarmDescription: 'A job has waited for admission longer than the threshold',
      namespace: METRICS_NAMESPACE,
      metricName: OLDEST_QUEUED_JOB_AGE_METRIC,
      dimensions: { [STAGE_DIMENSION]: config.stage },
      statistic: 'Maximum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: config.alarms.oldestQueuedJobAgeSeconds,
      treatMissingData: 'notBreaching',
    }),
    alarm('job-manager-failures', {
      alarmDescription: 'Job-manager executions gave up (caught errors, admission time-outs)',
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensions: { StateMachineArn: targets.stateMachine.arn },
      statistic: 'Sum',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: config.alarms.stateMachineFailures,
      treatMissingData: 'notBreaching',
    }),
  ];
  for (const [name, queue] of targets.dlqs) {
    created.push(
      alarm(`${name}-dlq-depth`, {
        alarmDescription: `Messages are waiting in the ${name} dead-letter queue`,
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: queue.name },
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: config.alarms.dlqDepth,
        treatMissingData: 'notBreaching',
      }),
    );
  }
  for (const { name, fn } of targets.functions.values()) {
    created.push(
      alarm(`${name}-throttles`, {
        alarmDescription: `Lambda throttled ${name}`,
        namespace: 'AWS/Lambda',
        metricName: 'Throttles',
        dimensions: { FunctionName: fn.name },
        statistic: 'Sum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: config.alarms.lambdaThrottles,
        treatMissingData: 'notBreaching',
      }),
    );
  }
  return created;
}
