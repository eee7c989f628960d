import { apiKeyStreamId, type ApiKeyScope, type EventStore } from '@sluice/domain';
import type { CommandContext } from '@sluice/scheduler';
import { newApiKeySecret, sha256Hex } from './apiKeySecret';

export interface IssuedApiKey {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Shown this once: only its SHA-256 is recorded. */
  secret: string;
}

/** Records a new key and returns its secret; the event carries only the hash. */
export async function issueApiKey(
  store: EventStore,
  request: { name: string; scopes: ApiKeyScope[] },
  ctx: CommandContext,
): Promise<IssuedApiKey> {
  const keyId = ctx.newEventId();
  const secret = newApiKeySecret();
  await store.appendToStream(
    apiKeyStreamId(keyId),
    [
      {
        type: 'ApiKeyIssued',
        data: { keyId, name: request.name, scopes: request.scopes, sha256: sha256Hex(secret) },
        eventId: ctx.newEventId(),
        occurredAt: ctx.now,
        actor: ctx.actor,
      },
    ],
    { expectedVersion: 'noStream' },
  );
  return { keyId, name: request.name, scopes: [...request.scopes], secret };
}

export async function revokeApiKey(
  store: EventStore,
  keyId: string,
  reason: string,
  ctx: CommandContext,
): Promise<void> {
  await store.appendToStream(
    apiKeyStreamId(keyId),
    [
      {
        type: 'ApiKeyRevoked',
        data: { keyId, reason },
        eventId: ctx.newEventId(),
        occurredAt: ctx.now,
        actor: ctx.actor,
      },
    ],
    { expectedVersion: 'any' },
  );
}
