import { API_KEY_SCOPES, type ApiKeyScope } from '@sluice/domain';
import type { ApiKeyVerifier, Credentials, Principal } from './apiKeyVerifier';

/**
 * Behind API Gateway the Lambda authorizer has already checked the key, so the API trusts the
 * context it attached ({ keyId, scopes }) and never sees a secret. Scopes may come as a list or
 * as one comma-separated string, since authorizer contexts are flattened to strings on some paths.
 */
export class AuthorizerContextVerifier implements ApiKeyVerifier {
  async verify(credentials: Credentials): Promise<Principal | undefined> {
    const context = credentials.authorizerContext;
    if (!context || typeof context.keyId !== 'string' || context.keyId === '') return undefined;
    return { keyId: context.keyId, scopes: scopesOf(context.scopes) };
  }
}

function scopesOf(value: unknown): ApiKeyScope[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items
    .map((s) => String(s).trim())
    .filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s));
}

/** The context the authorizer returns, in the form the verifier above reads back. */
export function authorizerContextOf(principal: Principal): { keyId: string; scopes: string } {
  return { keyId: principal.keyId, scopes: principal.scopes.join(',') };
}
