import type { ApiKeyScope } from '../events/templateEvents';
import type { Projection } from './projection';

export interface ApiKeyEntry {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  sha256: string;
  revoked: boolean;
}

export interface ApiKeyViewState {
  /** By SHA-256 of the secret, the lookup an authorizer does on every request. */
  byHash: Record<string, ApiKeyEntry>;
}

export const apiKeyView: Projection<ApiKeyViewState> = {
  name: 'apiKeys',
  initialState: () => ({ byHash: {} }),
  evolve(state, event) {
    if (event.type === 'ApiKeyIssued') {
      const { keyId, name, scopes, sha256 } = event.data;
      state.byHash[sha256] = { keyId, name, scopes, sha256, revoked: false };
    } else if (event.type === 'ApiKeyRevoked') {
      for (const entry of Object.values(state.byHash)) if (entry.keyId === event.data.keyId) entry.revoked = true;
    }
    return state;
  },
};
