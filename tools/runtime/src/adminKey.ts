import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { EventStore } from '@sluice/domain';
import { ensureApiKey, type CommandContext } from '@sluice/scheduler';
import { adminKeyFile } from './dataDir';

/**
 * The local admin key: SLUICE_API_KEY when set, otherwise one made on first start and kept in the
 * data directory (readable by its owner only), so a restart keeps working with the same key.
 */
export function localAdminSecret(dir: string, fromEnv = process.env.SLUICE_API_KEY): string {
  if (fromEnv) return fromEnv;
  const file = adminKeyFile(dir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = `slk_${randomBytes(32).toString('base64url')}`;
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Records the key's hash once; a restart with the same secret finds it already there. */
export async function registerAdminKey(
  store: EventStore,
  secret: string,
  ctx: CommandContext,
): Promise<string> {
  const sha256 = createHash('sha256').update(secret, 'utf8').digest('hex');
  const keyId = `local-admin-${sha256.slice(0, 12)}`;
  await ensureApiKey(store, { keyId, name: 'local admin', scopes: ['admin'], sha256 }, ctx);
  return keyId;
}
