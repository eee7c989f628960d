import * as pulumi from '@pulumi/pulumi';
import * as settings from '@pulumi/pulumi/runtime/settings.js';
import { parseStageConfig, type StageConfig } from '../config/stageConfig';
import { sluiceStage } from '../stack';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';

export interface RecordedResource {
  type: string;
  name: string;
  // Resource inputs are whatever each resource type takes; tests read the fields they assert on.
  inputs: Record<string, unknown> & { [key: string]: unknown };
}

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** The outputs AWS would compute that the program reads back (ARNs, names, endpoints). */
function computed(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const physical = (inputs.name as string | undefined) ?? name;
  switch (type) {
    case 'aws:dynamodb/table:Table': {
      const tableArn = arn('dynamodb', `table/${physical}`);
      return {
        arn: tableArn,
        streamArn: inputs.streamEnabled ? `${tableArn}/stream/2026-01-01T00:00:00.000` : undefined,
      };
    }
    case 'aws:kms/key:Key':
      return { arn: arn('kms', `key/${name}-id`), keyId: `${name}-id` };
    case 'aws:sqs/queue:Queue':
      return { arn: arn('sqs', physical), url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${physical}` };
    case 'aws:lambda/function:Function': {
      const fnArn = arn('lambda', `function:${physical}`);
      return {
        arn: fnArn,
        invokeArn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
      };
    }
    case 'aws:cloudwatch/logGroup:LogGroup':
      return { arn: arn('logs', `log-group:${physical}`) };
    case 'aws:cloudwatch/eventBus:EventBus':
      return { arn: arn('events', `event-bus/${physical}`) };
    case 'aws:sfn/stateMachine:StateMachine':
      return { arn: arn('states', `stateMachine:${physical}`) };
    case 'aws:iam/role:Role':
      return { arn: `arn:aws:iam::${ACCOUNT}:role/${physical}` };
    case 'aws:sns/topic:Topic':
      return { arn: arn('sns', physical) };
    case 'aws:apigatewayv2/api:Api':
      return {
        executionArn: arn('execute-api', 'api123'),
        apiEndpoint: `https://api123.execute-api.${REGION}.amazonaws.com`,
      };
    case 'aws:cloudwatch/dashboard:Dashboard':
      return { dashboardName: inputs.dashboardName };
    default:
      return { arn: arn('mock', `${type}/${physical}`) };
  }
}

/**
 * Runs the stage's program against Pulumi's mock runtime (no engine, no provider, no account)
 * and returns every resource it declared with its resolved inputs.
 */
export async function declareStage(
  stage: string,
  raw: Record<string, unknown> = {},
): Promise<{ config: StageConfig; resources: RecordedResource[] }> {
  const resources: RecordedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        resources.push({ type: args.type, name: args.name, inputs: args.inputs });
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, ...computed(args.type, args.name, args.inputs) },
        };
      },
      call(args) {
        switch (args.token) {
          case 'aws:index/getCallerIdentity:getCallerIdentity':
            return {
              accountId: ACCOUNT,
              arn: `arn:aws:iam::${ACCOUNT}:user/deployer`,
              userId: 'AIDA',
              id: ACCOUNT,
            };
          case 'aws:index/getRegion:getRegion':
            return {
              name: REGION,
              region: REGION,
              id: REGION,
              endpoint: `ec2.${REGION}.amazonaws.com`,
              description: 'Europe (Ireland)',
            };
          case 'aws:index/getPartition:getPartition':
            return {
              partition: 'aws',
              dnsSuffix: 'amazonaws.com',
              id: 'aws',
              reverseDnsPrefix: 'com.amazonaws',
            };
          default:
            throw new Error(`unexpected invoke ${args.token}`);
        }
      },
    },
    'sluice',
    stage,
    false,
  );
  const config = parseStageConfig(stage, raw);
  sluiceStage(config);
  // Registrations are asynchronous; wait until the mock monitor has seen them all.
  await (settings as unknown as { waitForRPCs: () => Promise<void> }).waitForRPCs();
  return { config, resources };
}

export const ofType = (resources: RecordedResource[], type: string) =>
  resources.filter((r) => r.type === type);

export function named(resources: RecordedResource[], type: string, name: string): RecordedResource {
  const found = resources.find((r) => r.type === type && r.name === name);
  if (!found)
    throw new Error(
      `no ${type} named ${name}; have ${ofType(resources, type)
        .map((r) => r.name)
        .join(', ')}`,
    );
  return found;
}
