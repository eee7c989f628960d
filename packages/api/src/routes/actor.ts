import type { Context } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { Principal } from '../auth/apiKeyVerifier';
import { fail } from '../http/problem';

/** How events written on behalf of an API key name who caused them. */
export function actorOf(principal: Principal): string {
  return `api:${principal.keyId}`;
}

/** The caller of a route that is not public; `authenticate` has set it before any handler runs. */
export function principalOf(c: Context<ApiEnv>): Principal {
  return c.get('principal') ?? fail('unauthenticated', 'send a valid API key as Authorization: Bearer <key>');
}
