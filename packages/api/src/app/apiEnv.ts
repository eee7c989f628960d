import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from '../auth/apiKeyVerifier';

/** What the Lambda adapter passes as the env: the authorizer's verdict rides on the request context. */
interface LambdaBindings {
  requestContext?: { authorizer?: { lambda?: Record<string, unknown> | null } | null } | null;
}

export interface ApiEnv {
  Bindings: LambdaBindings | undefined;
  Variables: {
    requestId: string;
    principal: Principal | undefined;
  };
}

/** The app routes register on: `app.openapi(apiRoute(...), handler)` validates and documents at once. */
export type ApiApp = OpenAPIHono<ApiEnv>;
