export interface RateLimit {
  /** Requests a key may send at once after a quiet spell. */
  burst: number;
  /** Sustained requests per second per key. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * One token bucket per API key. It lives in the process, so behind several Lambda instances each
 * keeps its own: API Gateway's throttling is the limit there, this one guards a single server.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes a token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, nowMs: number): number {
    const bucket = this.refilled(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  private refilled(key: string, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.buckets.clear();
      bucket = { tokens: this.limit.burst, atMs: nowMs };
      this.buckets.set(key, bucket);
    }
    const elapsed = Math.max(0, nowMs - bucket.atMs) / 1000;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.limit.perSecond);
    bucket.atMs = Math.max(bucket.atMs, nowMs);
    return bucket;
  }
}
