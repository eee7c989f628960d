import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import { policyDocument, serviceTrustPolicy } from '../iam/policyDocument';
import { JOB_MANAGER_TASKS, type JobManagerTask } from '../functions/catalog';
import { functionOf, type StageFunctions } from '../lambdas/lambdas';
import { physicalName } from '../naming';
import { jobManagerDefinition, type JobManagerArns } from './jobManagerDefinition';

/** Known before the machine exists, so the functions that answer its tokens can name it. */
export const stateMachineName = (stage: string) => physicalName(stage, 'job-manager');

export const stateMachineArn = (partition: string, region: string, accountId: string, stage: string) =>
  `arn:${partition}:states:${region}:${accountId}:stateMachine:${stateMachineName(stage)}`;

/** Step Functions delivers its logs through CloudWatch Logs' vended-log APIs, which are authorised on `*`. */
const LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

export interface JobManager {
  stateMachine: aws.sfn.StateMachine;
  role: aws.iam.Role;
  logGroup: aws.cloudwatch.LogGroup;
}

export function jobManager(
  config: StageConfig,
  functions: StageFunctions,
  accountId: pulumi.Input<string>,
): JobManager {
  const name = stateMachineName(config.stage);
  const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, {
    name: `/aws/vendedlogs/states/${name}`,
    retentionInDays: config.logRetentionDays,
    tags: config.tags,
  });
  const role = new aws.iam.Role(`${name}-role`, {
    name,
    assumeRolePolicy: pulumi
      .output(accountId)
      .apply((account) => JSON.stringify(serviceTrustPolicy('states.amazonaws.com', account))),
    tags: config.tags,
  });
  const tasks = Object.keys(JOB_MANAGER_TASKS) as JobManagerTask[];
  const taskArns = Object.fromEntries(
    tasks.map((task) => [task, functionOf(functions, JOB_MANAGER_TASKS[task]).fn.arn]),
  ) as Record<JobManagerTask, pulumi.Output<string>>;
  const arns: pulumi.Output<JobManagerArns> = pulumi.output(taskArns);
  const policy = new aws.iam.RolePolicy(`${name}-policy`, {
    role: role.id,
    policy: arns.apply((taskArns) =>
      JSON.stringify(
        policyDocument([
          // The qualified form too: the Lambda integration may invoke a version or alias.
          {
            Sid: 'InvokeTasks',
            Effect: 'Allow',
            Action: ['lambda:InvokeFunction'],
            Resource: Object.values(taskArns).flatMap((arn) => [arn, `${arn}:*`]),
          },
          { Sid: 'LogDelivery', Effect: 'Allow', Action: LOG_DELIVERY_ACTIONS, Resource: ['*'] },
        ]),
      ),
    ),
  });
  const stateMachine = new aws.sfn.StateMachine(
    name,
    {
      name,
      type: 'STANDARD',
      roleArn: role.arn,
      definition: arns.apply((taskArns) => JSON.stringify(jobManagerDefinition(taskArns, config.jobManager))),
      loggingConfiguration: {
        level: 'ERROR',
        includeExecutionData: false,
        logDestination: pulumi.interpolate`${logGroup.arn}:*`,
      },
      tags: config.tags,
    },
    // Step Functions checks at creation that the role may deliver logs.
    { dependsOn: [policy] },
  );
  return { stateMachine, role, logGroup };
}
