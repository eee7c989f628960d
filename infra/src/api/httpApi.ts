import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import { functionOf, type StageFunctions } from '../lambdas/lambdas';
import { physicalName } from '../naming';
import { publisherRole } from './publisherRole';

/** The access-log line: enough to trace a request to the function's logs, and no secrets. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  principal: '$context.authorizer.keyId',
  iamUser: '$context.identity.userArn',
});

export interface HttpApi {
  api: aws.apigatewayv2.Api;
  stage: aws.apigatewayv2.Stage;
  authorizer: aws.apigatewayv2.Authorizer;
  routes: aws.apigatewayv2.Route[];
  accessLogs: aws.cloudwatch.LogGroup;
  publisherRole?: aws.iam.Role;
}

/**
 * The pipelines' endpoint. Every route but `/iam/…` goes through the Lambda authorizer (API keys);
 * `/iam/…` is signed with SigV4 by the publisher role, for pipelines that would rather hold an IAM
 * role than a key. The authorizer decides per route (scopes), so its answers are not cached.
 */
export function httpApi(config: StageConfig, functions: StageFunctions): HttpApi {
  const name = physicalName(config.stage, 'api');
  const apiFn = functionOf(functions, 'api').fn;
  const authorizerFn = functionOf(functions, 'authorizer').fn;
  const api = new aws.apigatewayv2.Api(name, {
    name,
    protocolType: 'HTTP',
    description: `Sluice ${config.stage}`,
    tags: config.tags,
  });
  const integration = new aws.apigatewayv2.Integration(`${name}-integration`, {
    apiId: api.id,
    integrationType: 'AWS_PROXY',
    integrationUri: apiFn.invokeArn,
    payloadFormatVersion: '2.0',
    timeoutMilliseconds: 29_000,
  });
  const authorizer = new aws.apigatewayv2.Authorizer(`${name}-authorizer`, {
    apiId: api.id,
    name: 'api-keys',
    authorizerType: 'REQUEST',
    authorizerUri: authorizerFn.invokeArn,
    authorizerPayloadFormatVersion: '2.0',
    enableSimpleResponses: true,
    // No identity source: requests without a key still reach the authorizer, which admits public routes.
    authorizerResultTtlInSeconds: 0,
  });
  const target = pulumi.interpolate`integrations/${integration.id}`;
  const routes = [
    new aws.apigatewayv2.Route(`${name}-default-route`, {
      apiId: api.id,
      routeKey: '$default',
      target,
      authorizationType: 'CUSTOM',
      authorizerId: authorizer.id,
    }),
  ];
  if (config.publishers.length > 0) {
    routes.push(
      new aws.apigatewayv2.Route(`${name}-iam-route`, {
        apiId: api.id,
        routeKey: 'ANY /iam/{proxy+}',
        target,
        authorizationType: 'AWS_IAM',
      }),
    );
  }
  const accessLogs = new aws.cloudwatch.LogGroup(`${name}-access-logs`, {
    name: `/aws/apigateway/${name}`,
    retentionInDays: config.logRetentionDays,
    tags: config.tags,
  });
  const stage = new aws.apigatewayv2.Stage(
    `${name}-stage`,
    {
      apiId: api.id,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingBurstLimit: config.api.throttleBurst,
        throttlingRateLimit: config.api.throttleRate,
        detailedMetricsEnabled: true,
      },
      tags: config.tags,
    },
    { dependsOn: routes },
  );
  new aws.lambda.Permission(`${name}-invoke-api`, {
    action: 'lambda:InvokeFunction',
    function: apiFn.name,
    principal: 'apigateway.amazonaws.com',
    sourceArn: pulumi.interpolate`${api.executionArn}/*`,
  });
  new aws.lambda.Permission(`${name}-invoke-authorizer`, {
    action: 'lambda:InvokeFunction',
    function: authorizerFn.name,
    principal: 'apigateway.amazonaws.com',
    sourceArn: pulumi.interpolate`${api.executionArn}/authorizers/${authorizer.id}`,
  });
  const publisher = publisherRole(config, api);
  return { api, stage, authorizer, routes, accessLogs, ...(publisher ? { publisherRole: publisher } : {}) };
}
