import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import { policyDocument, principalsTrustPolicy } from '../iam/policyDocument';
import { physicalName } from '../naming';

/**
 * HTTP APIs have no resource policies, so "which IAM principals may publish" is this role's trust
 * policy: the configured principals assume it and sign requests to `/iam/…` with it. The role may
 * call those routes and nothing else.
 */
export function publisherRole(config: StageConfig, api: aws.apigatewayv2.Api): aws.iam.Role | undefined {
  if (config.publishers.length === 0) return undefined;
  const name = physicalName(config.stage, 'publisher');
  const role = new aws.iam.Role(name, {
    name,
    assumeRolePolicy: JSON.stringify(principalsTrustPolicy(config.publishers)),
    maxSessionDuration: 3600,
    description: `Pipelines publishing to Sluice ${config.stage} with SigV4`,
    tags: config.tags,
  });
  new aws.iam.RolePolicy(`${name}-policy`, {
    role: role.id,
    policy: api.executionArn.apply((executionArn) =>
      JSON.stringify(
        policyDocument([
          {
            Sid: 'InvokeIamRoutes',
            Effect: 'Allow',
            Action: ['execute-api:Invoke'],
            Resource: [`${executionArn}/$default/*/iam/*`],
          },
        ]),
      ),
    ),
  });
  return role;
}
