import type { Principal } from '../auth/apiKeyVerifier';

/** How events written on behalf of an API key name who caused them. */
export function actorOf(principal: Principal): string {
  return `api:${principal.keyId}`;
}
