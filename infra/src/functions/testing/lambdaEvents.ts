import type { LambdaEvent } from 'hono/aws-lambda';
import type {
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayRequestAuthorizerEventV2,
  ScheduledEvent,
} from 'aws-lambda';

const requestContext = (method: string, path: string) => ({
  accountId: '123456789012',
  apiId: 'api1234',
  domainName: 'api1234.execute-api.eu-west-1.amazonaws.com',
  domainPrefix: 'api1234',
  http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'pipeline/1.0' },
  requestId: 'req-1',
  routeKey: '$default',
  stage: '$default',
  time: '02/Mar/2026:09:00:00 +0000',
  timeEpoch: 1772442000000,
});

/** An HTTP API (payload 2.0) request as API Gateway hands it to the API Lambda after the authorizer ran. */
export function httpApiEvent(
  method: string,
  pathWithQuery: string,
  options: {
    body?: unknown;
    context?: { keyId: string; scopes: string } | null;
    headers?: Record<string, string>;
  } = {},
): LambdaEvent {
  const [rawPath = '/', rawQueryString = ''] = pathWithQuery.split('?');
  const event: APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, unknown>> = {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: {
      host: 'api1234.execute-api.eu-west-1.amazonaws.com',
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.headers ?? {}),
    },
    requestContext: {
      ...requestContext(method, rawPath),
      authorizer: { lambda: options.context ?? null },
    } as APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, unknown>>['requestContext'],
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    isBase64Encoded: false,
  };
  // aws-lambda's types leave an absent body undefined, hono's say null; the event itself is the same.
  return event as unknown as LambdaEvent;
}

/** The REQUEST authorizer's input for an HTTP API with simple responses. */
export function authorizerEvent(
  method: string,
  path: string,
  headers: Record<string, string>,
  stage = '$default',
): APIGatewayRequestAuthorizerEventV2 {
  const rawPath = stage === '$default' ? path : `/${stage}${path}`;
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:eu-west-1:123456789012:api1234/${stage}/${method}${path}`,
    identitySource: Object.values(headers),
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    cookies: [],
    headers,
    queryStringParameters: {},
    requestContext: { ...requestContext(method, rawPath), stage },
    pathParameters: {},
    stageVariables: {},
  };
}

export function scheduledEvent(): ScheduledEvent {
  return {
    version: '0',
    id: 'c0ffee00-0000-4000-8000-000000000000',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: '2026-03-02T09:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:events:eu-west-1:123456789012:rule/sluice-scheduler-tick'],
    detail: {},
  };
}
