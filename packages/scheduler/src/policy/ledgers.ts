// The cycle's working state per pool and cohort: plain data that cohorts.ts, fit.ts and the cycle
// read and update; built by poolLedger.ts.

/** A pool as the cycle sees it: its limits, and what is in use including this cycle's admissions. */
export interface PoolLedger {
  readonly poolId: string;
  readonly streamVersion: number;
  /** Nominal capacity; Infinity where none is named. */
  readonly capacity: Float64Array;
  /** Hard quota; Infinity where none is named. Never exceeded, not even by borrowing. */
  readonly quota: Float64Array;
  /** The pool's own limit, min(capacity, quota): what it may use without borrowing. */
  readonly own: Float64Array;
  /** How much of its unused own limit the pool lends to its cohort; Infinity lends all of it. */
  readonly lendingLimit: Float64Array;
  /** max(reserved, observed) at the snapshot plus this cycle's reservations. */
  readonly used: Float64Array;
  /** What more fits now per dimension; kept current by `refreshHeadroom` because every fit check reads it. */
  readonly headroom: Float64Array;
  readonly cohortId: string | undefined;
  cohort: CohortLedger | undefined;
  /** Nothing still queued can fit any more; headroom only shrinks within a cycle, so it stays closed. */
  closed: boolean;
  /** Bumped whenever its headroom changes, so text describing the pool can be reused until then. */
  version: number;
}

/** Pools sharing a cohort id lend each other unused own capacity. */
export interface CohortLedger {
  readonly id: string;
  /** Sorted by pool id. */
  readonly members: PoolLedger[];
  /** Per dimension: what members can still lend minus what members have borrowed. */
  readonly slack: Float64Array;
}
