import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ULIDs from a pooled crypto source. The ulid package asks the platform for one random byte per
 * character; a server minting several ids per request spends more on those calls than on the ids.
 */
export function newUlidFactory(poolBytes = 4096): () => string {
  let pool = randomBytes(poolBytes);
  let next = 0;
  const random = () => {
    if (next >= pool.length) {
      pool = randomBytes(poolBytes);
      next = 0;
    }
    return pool[next++]! / 256;
  };
  const ulid = monotonicFactory(random);
  return () => ulid();
}
