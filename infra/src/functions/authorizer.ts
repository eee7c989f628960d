import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerResult,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { secretFromHeaders, authorizerContextOf, grants, requiredScope, ViewKeyVerifier } from '@sluice/api';
import { loadOnly, ProjectionReadModel } from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './runtime/cloudRuntime';
import { withLambdaLogging } from './runtime/lambdaLogger';
import { lazily } from './runtime/lazily';

export type AuthorizerResult =
  | APIGatewaySimpleAuthorizerResult
  | APIGatewaySimpleAuthorizerWithContextResult<{ keyId: string; scopes: string }>;

/**
 * API Gateway HTTP API REQUEST authorizer with simple responses. It applies the app's own scope
 * rule to the route, so a key without the scope is turned away at the gateway, and passes
 * { keyId, scopes } on for the API to act as that key.
 */
export async function createAuthorizerHandler(runtime: CloudRuntime) {
  const readModel = await ProjectionReadModel.start(runtime.store, {
    checkpoints: loadOnly(runtime.checkpoints),
  });
  const keys = new ViewKeyVerifier(readModel);
  return async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
    const method = event.requestContext.http.method;
    const path = pathWithoutStage(event);
    const needed = requiredScope(method, path);
    const headers = lowerCased(event.headers ?? {});
    const principal = await keys.verify({ secret: secretFromHeaders((name) => headers[name]) });
    if (!principal) {
      runtime.logger.info({ method, path }, 'no valid api key');
      return { isAuthorized: needed === 'public' };
    }
    const isAuthorized = grants(principal.scopes, needed);
    if (!isAuthorized) runtime.logger.info({ method, path, keyId: principal.keyId, needed }, 'scope missing');
    return { isAuthorized, context: authorizerContextOf(principal) };
  };
}

/** Named stages prefix the path with the stage; the scope rule speaks about the API's own paths. */
function pathWithoutStage(event: APIGatewayRequestAuthorizerEventV2): string {
  const path = event.requestContext.http.path ?? event.rawPath;
  const stage = event.requestContext.stage;
  if (stage && stage !== '$default' && path.startsWith(`/${stage}/`)) return path.slice(stage.length + 1);
  return path;
}

function lowerCased(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

export const handler = withLambdaLogging(
  lazily(() => createAuthorizerHandler(createCloudRuntime(cloudConfigFromEnv()))),
);
