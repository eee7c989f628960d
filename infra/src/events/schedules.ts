import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import type { DlqName } from '../data/deadLetterQueues';
import { policyDocument, serviceTrustPolicy } from '../iam/policyDocument';
import { functionOf, type StageFunctions } from '../lambdas/lambdas';
import { physicalName } from '../naming';

/** What runs on a timer, and how often. The payload tells a handler it was woken by the clock. */
export const SCHEDULES = [
  { name: 'scheduler-tick', target: 'scheduler', expression: 'rate(1 minute)', retries: 0 },
  { name: 'reconciler', target: 'reconciler', expression: 'rate(5 minutes)', retries: 2 },
] as const;

/**
 * EventBridge Scheduler rather than scheduled rules: each schedule has its own retry policy and
 * dead-letter queue, the role it invokes with names exactly its target, and it needs no rule on
 * the default bus. The tick is not retried: the next one comes a minute later anyway.
 */
export function schedules(
  config: StageConfig,
  functions: StageFunctions,
  dlqs: Map<DlqName, aws.sqs.Queue>,
  keyArn: pulumi.Input<string>,
  accountId: pulumi.Input<string>,
): aws.scheduler.Schedule[] {
  const dlq = dlqs.get('schedules')!;
  const group = new aws.scheduler.ScheduleGroup(physicalName(config.stage, 'schedules'), {
    name: physicalName(config.stage, 'schedules'),
    tags: config.tags,
  });
  const role = new aws.iam.Role(physicalName(config.stage, 'schedules-role'), {
    name: physicalName(config.stage, 'schedules'),
    assumeRolePolicy: pulumi
      .output(accountId)
      .apply((account) => JSON.stringify(serviceTrustPolicy('scheduler.amazonaws.com', account))),
    tags: config.tags,
  });
  const targets = SCHEDULES.map((schedule) => functionOf(functions, schedule.target).fn.arn);
  const policy = new aws.iam.RolePolicy(physicalName(config.stage, 'schedules-policy'), {
    role: role.id,
    policy: pulumi.all([pulumi.all(targets), dlq.arn, keyArn]).apply(([functionArns, dlqArn, key]) =>
      JSON.stringify(
        policyDocument([
          {
            Sid: 'InvokeTargets',
            Effect: 'Allow',
            Action: ['lambda:InvokeFunction'],
            Resource: functionArns,
          },
          { Sid: 'DeadLetters', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [dlqArn] },
          {
            Sid: 'EncryptedDeadLetters',
            Effect: 'Allow',
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: [key],
          },
        ]),
      ),
    ),
  });
  return SCHEDULES.map(
    (schedule, i) =>
      new aws.scheduler.Schedule(
        physicalName(config.stage, schedule.name),
        {
          name: physicalName(config.stage, schedule.name),
          groupName: group.name,
          scheduleExpression: schedule.expression,
          flexibleTimeWindow: { mode: 'OFF' },
          target: {
            arn: targets[i]!,
            roleArn: role.arn,
            input: JSON.stringify({ source: 'sluice.schedule', schedule: schedule.name }),
            retryPolicy: { maximumRetryAttempts: schedule.retries, maximumEventAgeInSeconds: 300 },
            deadLetterConfig: { arn: dlq.arn },
          },
        },
        { dependsOn: [policy] },
      ),
  );
}
