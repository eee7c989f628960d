import { createHash, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'slk_';

/** 256 random bits; the prefix lets secret scanners and people recognise a Sluice key. */
export function newApiKeySecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** Keys are high-entropy, so a plain SHA-256 is enough: there is nothing to brute-force. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
