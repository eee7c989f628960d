import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REQUEST_CAUSATION_PREFIX = 'request:';

/**
 * The job id a keyed submission gets: the same API key and Idempotency-Key always name the same
 * job, so a retry lands on the stream the first attempt created and its `noStream` guard trips.
 * Scoped by key id, so two pipelines that happen to pick the same key never collide.
 */
export function idempotentJobId(keyId: string, idempotencyKey: string): string {
  // JSON keeps the parts apart whatever characters they hold.
  const digest = createHash('sha256')
    .update(JSON.stringify(['sluice-job', keyId, idempotencyKey]), 'utf8')
    .digest();
  return crockfordBase32(digest.subarray(0, 16));
}

/** What the submission event records as its cause, so a retry can tell the same request from a different one. */
export function requestCausation(normalizedBody: unknown): string {
  return (
    REQUEST_CAUSATION_PREFIX +
    createHash('sha256').update(canonicalJson(normalizedBody), 'utf8').digest('hex')
  );
}

/** 128 bits as 26 Crockford base32 characters, the alphabet and length of a ULID. */
function crockfordBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}
