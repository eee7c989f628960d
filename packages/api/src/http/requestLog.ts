import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';

/** Gives each request an id (echoed as X-Request-Id) and logs one line when it is answered. */
export function requestLog(deps: AppDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const requestId = deps.newId();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    deps.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        keyId: c.get('principal')?.keyId,
      },
      'request',
    );
  };
}
