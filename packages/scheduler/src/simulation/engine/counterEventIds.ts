const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The same ids as the domain's `sequentialEventIds` (ULID-shaped: a fixed time part, then a
 * counter), built with number arithmetic instead of BigInt: a long simulation makes hundreds of
 * thousands of them and the BigInt form was a visible share of its run time. Counters stay far
 * below 2^53, where numbers are exact.
 */
export function counterEventIds(epochMs: number): () => string {
  const time = encode(epochMs, 10);
  let counter = 0;
  return () => time + encode(++counter, 16);
}

function encode(value: number, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}
