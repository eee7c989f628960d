import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import type { DlqName } from '../data/deadLetterQueues';
import { functionPolicy } from '../iam/functionPolicy';
import { physicalName } from '../naming';
import type { StageFunctions } from './lambdas';
import type { FunctionName } from '../functions/catalog';

export interface PolicyInputs {
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
  accountId: pulumi.Input<string>;
  eventStoreTableArn: pulumi.Input<string>;
  projectionTableArn: pulumi.Input<string>;
  keyArn: pulumi.Input<string>;
  stateMachineArn: pulumi.Input<string>;
  busArn: pulumi.Input<string>;
  dlqs: Map<DlqName, aws.sqs.Queue>;
}

/** Each function's inline role policy, generated from FUNCTION_ACCESS once the resources it names exist. */
export function attachFunctionPolicies(
  config: StageConfig,
  functions: StageFunctions,
  inputs: PolicyInputs,
): Map<FunctionName, aws.iam.RolePolicy> {
  const policies = new Map<FunctionName, aws.iam.RolePolicy>();
  for (const { name, role, logGroup } of functions.values()) {
    const dlq = inputs.dlqs.get(name);
    const document = pulumi
      .output({
        partition: inputs.partition,
        region: inputs.region,
        accountId: inputs.accountId,
        eventStoreTableArn: inputs.eventStoreTableArn,
        projectionTableArn: inputs.projectionTableArn,
        keyArn: inputs.keyArn,
        stateMachineArn: inputs.stateMachineArn,
        busArn: inputs.busArn,
        logGroupArn: logGroup.arn,
        dlqArn: dlq ? dlq.arn : '',
      })
      .apply(({ dlqArn, ...arns }) =>
        JSON.stringify(
          functionPolicy(name, { ...arns, ...(dlqArn ? { dlqArn } : {}), backends: config.backends }),
        ),
      );
    policies.set(
      name,
      new aws.iam.RolePolicy(`${physicalName(config.stage, name)}-policy`, {
        role: role.id,
        policy: document,
      }),
    );
  }
  return policies;
}
