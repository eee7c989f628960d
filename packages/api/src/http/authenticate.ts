import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { secretFromHeaders } from '../auth/apiKeyVerifier';
import { grants, requiredScope } from '../auth/scopes';
import { ProblemError, problemOf } from './problem';

/** Who is calling and whether the key's scopes cover this request; nothing else runs before both are known. */
export function authenticate(deps: AppDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const needed = requiredScope(c.req.method, c.req.path);
    if (needed === 'public') return next();
    const principal = await deps.keys.verify({
      secret: secretFromHeaders((name) => c.req.header(name)),
      authorizerContext: c.env?.requestContext?.authorizer?.lambda ?? null,
    });
    if (!principal) {
      throw new ProblemError(
        problemOf('unauthenticated', 'send a valid API key as Authorization: Bearer <key>'),
        {
          'WWW-Authenticate': 'Bearer realm="sluice"',
        },
      );
    }
    c.set('principal', principal);
    if (!grants(principal.scopes, needed)) {
      throw new ProblemError(
        problemOf(
          'forbidden',
          `${c.req.method} ${c.req.path} needs scope ${needed}; the key has ${principal.scopes.join(', ')}`,
        ),
      );
    }
    return next();
  };
}
