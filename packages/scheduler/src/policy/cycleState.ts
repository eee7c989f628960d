import { concurrencyCaps } from './caps';
import { classLadder } from './classLadder';
import type { CycleOptions, SluiceAdmission, SluicePendingJobReason } from './cycleTypes';
import { DEFAULT_CLASSES } from './domain';
import { DEFAULT_AGING_SECONDS } from './effectivePriority';
import { capacityTotals, sourceAccount } from './fairShare';
import { cannotTakeAny } from './fit';
import { collectCandidates } from './candidates';
import { instantMs } from './instant';
import type { PoolLedger } from './ledgers';
import { poolLedgers } from './poolLedger';
import { PendingIndex } from './pendingIndex';
import { inFlightReleases, type Release } from './releases';
import { reservationBook } from './reservationBook';
import { shortfallWriter } from './shortfallText';
import type { SchedulingSnapshot } from './snapshot';
import { DIMENSION_COUNT } from './vectors';
import { estimateRun, type QueuedJob, type RunEstimate, type RunHistoryState } from './domain';

function candidateEstimates(jobs: readonly QueuedJob[], history: RunHistoryState | undefined) {
  const known: (RunEstimate | null | undefined)[] = [];
  return (i: number): RunEstimate | undefined => {
    let estimate = known[i];
    if (estimate === undefined) {
      const job = jobs[i];
      estimate = (job && estimateRun(job, history)) ?? null;
      known[i] = estimate;
    }
    return estimate ?? undefined;
  };
}

/**
 * Phase 1 of a cycle, the setup: everything the decisions read and update, built from the
 * snapshot alone. Pools become ledgers, the gated jobs are sorted out of the pending index (the
 * others are read in order as the walk reaches them), sources become accounts of their decayed
 * share; the decisions then only look things up.
 */
export function prepareCycle(snapshot: SchedulingSnapshot, options: CycleOptions) {
  const nowMs = instantMs(snapshot.now);
  const policy = snapshot.policy;
  const pools = poolLedgers(snapshot.capacity.pools);
  const totals = capacityTotals(pools.values());
  const index = snapshot.pendingIndex?.follows(snapshot.queue) ? snapshot.pendingIndex : PendingIndex.of(snapshot.queue);
  const candidates = collectCandidates(index, snapshot.dependencyStatus, nowMs);
  const ladder = classLadder(policy.classes ?? DEFAULT_CLASSES, candidates.priorities);
  const agingSeconds = policy.agingSeconds ?? DEFAULT_AGING_SECONDS;
  const accounts = candidates.sourceNames.map((name) =>
    sourceAccount(
      name,
      Object.hasOwn(snapshot.usage.sources, name) ? snapshot.usage.sources[name] : undefined,
      snapshot.usage.halfLifeSeconds,
      policy,
      nowMs,
      totals,
    ),
  );
  const cycleReleases = new Map<PoolLedger, Release[]>();
  let snapshotReleases: Map<string, Release[]> | undefined;
  const state = {
    nowMs,
    maxAdmissions: options.maxAdmissions ?? Infinity,
    maxReasons: options.maxReasons ?? Infinity,
    reservations: options.reservations ?? 'starving',
    pools,
    totals,
    candidates,
    ladder,
    agingSeconds,
    accounts,
    caps: concurrencyCaps(policy, snapshot.queue.inFlight),
    book: reservationBook(),
    shortfallOf: shortfallWriter(),
    /** What each pool is expected to free, and when: in-flight jobs, then this cycle's admissions. */
    cycleReleases,
    releasesOf: (pool: PoolLedger): Release[] => {
      snapshotReleases ??= inFlightReleases(snapshot.queue.inFlight, snapshot.runs);
      return [...(snapshotReleases.get(pool.poolId) ?? []), ...(cycleReleases.get(pool) ?? [])];
    },
    /** Pools that can still take the smallest queued demand; none left means only reasons remain. */
    openPools: 0,
    admissions: [] as SluiceAdmission[],
    pending: [] as SluicePendingJobReason[],
    /** The run time a candidate is planned on, looked up once per cycle (null: nothing known). */
    estimateOf: candidateEstimates(candidates.jobs, snapshot.runs),
    /** Scratch for the demand of the job being decided. */
    demand: new Float64Array(DIMENSION_COUNT),
  };
  for (const pool of pools.values()) {
    pool.closed = cannotTakeAny(pool, candidates.smallestDemand);
    if (!pool.closed) state.openPools++;
  }
  return state;
}

export type CycleState = ReturnType<typeof prepareCycle>;
