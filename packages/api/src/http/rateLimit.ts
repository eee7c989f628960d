import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { ProblemError, problemOf } from './problem';
import { TokenBuckets, type RateLimit } from './tokenBucket';

export function rateLimit(deps: AppDeps, limit: RateLimit): MiddlewareHandler<ApiEnv> {
  const buckets = new TokenBuckets(limit);
  return async (c, next) => {
    const keyId = c.get('principal')?.keyId;
    if (keyId === undefined) return next();
    const retryAfter = buckets.take(keyId, deps.clock().getTime());
    if (retryAfter > 0) {
      throw new ProblemError(
        problemOf('rateLimited', `key ${keyId} sends more than ${limit.perSecond} requests per second`),
        {
          'Retry-After': String(retryAfter),
        },
      );
    }
    return next();
  };
}
