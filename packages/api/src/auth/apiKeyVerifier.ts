import type { ApiKeyScope } from '@sluice/domain';

/** Who is calling, as far as authorization cares. */
export interface Principal {
  keyId: string;
  scopes: ApiKeyScope[];
}

/** What a request offers as proof of identity. */
export interface Credentials {
  /** The secret from `Authorization: Bearer <key>` or `x-api-key`. */
  secret?: string;
  /** What an API Gateway Lambda authorizer attached to the request, when one ran. */
  authorizerContext?: Record<string, unknown> | null;
}

export interface ApiKeyVerifier {
  /** The principal the credentials prove, or undefined when they prove none. */
  verify(credentials: Credentials): Promise<Principal | undefined>;
}

/** `Authorization: Bearer <key>` wins over `x-api-key`; anything else offers no secret. */
export function secretFromHeaders(header: (name: string) => string | undefined): string | undefined {
  const authorization = header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(authorization);
    return match?.[1];
  }
  const apiKey = header('x-api-key')?.trim();
  return apiKey && apiKey.length <= 512 ? apiKey : undefined;
}
