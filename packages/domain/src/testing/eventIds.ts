const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(value: bigint, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(v % 32n)] + out;
    v /= 32n;
  }
  return out;
}

/**
 * Deterministic ULID-shaped ids for tests, simulations and replays: the time part is the given
 * epoch milliseconds, the random part a counter, so ids sort in the order they were made.
 */
export function sequentialEventIds(epochMs = 0, start = 0): () => string {
  let counter = BigInt(start);
  const time = encode(BigInt(epochMs), 10);
  return () => {
    counter += 1n;
    return time + encode(counter, 16);
  };
}
