import type { EventStore } from '@sluice/domain';
import type { SchedulingPolicy, ReadModel } from '@sluice/scheduler';
import type { ApiKeyVerifier } from '../auth/apiKeyVerifier';
import type { RateLimit } from '../http/tokenBucket';
import type { Logger } from '../logging/logger';

/** Everything the app needs from outside; each runtime (Node, Lambda, tests) supplies its own. */
export interface AppDeps {
  store: EventStore;
  readModel: ReadModel;
  keys: ApiKeyVerifier;
  clock: () => Date;
  /** A new ULID per call: event ids, job ids, request ids. */
  newId: () => string;
  logger: Logger;
  /** Per API key; `false` turns it off (behind a gateway that throttles already). */
  rateLimit?: RateLimit | false;
  maxBodyBytes?: number;
  /** Explains why queued jobs wait; Sluice's own policy unless a runtime schedules with another. */
  policy?: SchedulingPolicy;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 1000, perSecond: 500 };
