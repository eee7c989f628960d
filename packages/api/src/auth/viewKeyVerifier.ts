import type { ReadModel } from '@sluice/scheduler';
import { sha256Hex } from './apiKeySecret';
import type { ApiKeyVerifier, Credentials, Principal } from './apiKeyVerifier';

/** Checks a secret against the API-key view: hash it, look the hash up, refuse revoked keys. */
export class ViewKeyVerifier implements ApiKeyVerifier {
  constructor(private readonly readModel: ReadModel) {}

  async verify(credentials: Credentials): Promise<Principal | undefined> {
    if (!credentials.secret) return undefined;
    const views = await this.readModel.current();
    const entry = views.apiKeys.byHash[sha256Hex(credentials.secret)];
    if (!entry || entry.revoked) return undefined;
    return { keyId: entry.keyId, scopes: [...entry.scopes] };
  }
}
