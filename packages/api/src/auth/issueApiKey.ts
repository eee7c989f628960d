import type { ApiKeyScope, EventStore } from '@sluice/domain';
import { issueApiKey as recordApiKey, revokeApiKey as recordRevocation, type CommandContext } from '@sluice/scheduler';
import { newApiKeySecret, sha256Hex } from './apiKeySecret';

export interface IssuedApiKey {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Shown this once: only its SHA-256 is recorded. */
  secret: string;
}

/** Makes a new key and records it through the key command; the event carries only the hash. */
export async function issueApiKey(
  store: EventStore,
  request: { name: string; scopes: ApiKeyScope[] },
  ctx: CommandContext,
): Promise<IssuedApiKey> {
  const keyId = ctx.newEventId();
  const secret = newApiKeySecret();
  await recordApiKey(store, { keyId, name: request.name, scopes: request.scopes, sha256: sha256Hex(secret) }, ctx);
  return { keyId, name: request.name, scopes: [...request.scopes], secret };
}

export async function revokeApiKey(
  store: EventStore,
  keyId: string,
  reason: string,
  ctx: CommandContext,
): Promise<void> {
  await recordRevocation(store, { keyId, reason }, ctx);
}
