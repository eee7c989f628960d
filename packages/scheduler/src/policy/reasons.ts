import type { Reservation } from './backfill';
import type { CapBlock } from './caps';
import { headroomOn } from './fit';
import type { QueuedJob, RunEstimate } from './domain';
import { isoOf } from './instant';
import type { PoolLedger } from './ledgers';
import type { Shortfall } from './shortfallText';
import { dimensionAt, formatAmount } from './vectors';

/*
 * Every decision carries words an operator can act on: which pool, which dimension at what level,
 * how many jobs are ahead, which reservation holds a job back. Kept apart from the decisions so
 * the cycle can skip building them for jobs past `maxReasons`.
 */

export function aheadNote(ahead: number, className: string): string {
  return `${ahead} job${ahead === 1 ? '' : 's'} ahead in class ${className}`;
}

const SHOWN_POOLS = 3;

/** Why a job fits none of its pools: the first few pools' shortfalls, or that none is registered. */
export function capacityReason(
  job: QueuedJob,
  demand: Float64Array,
  pools: ReadonlyMap<string, PoolLedger>,
  shortfallOf: (pool: PoolLedger, demand: Float64Array) => Shortfall,
): { code: 'quota' | 'capacity' | 'no-pool'; reason: string } {
  let reason = '';
  let code: 'quota' | 'capacity' | undefined;
  let shown = 0;
  let listed = 0;
  let registered = 0;
  job.pools.forEach((poolId, i) => {
    // A job may name a pool twice; say each once.
    if (job.pools.indexOf(poolId) !== i) return;
    listed++;
    const pool = pools.get(poolId);
    if (pool) registered++;
    if (shown >= SHOWN_POOLS) return;
    const shortfall = pool ? shortfallOf(pool, demand) : undefined;
    code ??= shortfall?.code;
    reason += (shown++ > 0 ? '; ' : '') + (shortfall ? shortfall.text : `pool ${poolId} is not registered`);
  });
  if (registered === 0)
    return { code: 'no-pool', reason: `none of its pools is registered (${job.pools.join(', ')})` };
  if (listed > SHOWN_POOLS) reason += `; ${listed - SHOWN_POOLS} more pools`;
  return { code: code ?? 'capacity', reason };
}

export function capReason(block: CapBlock): string {
  const what = block.code === 'cap-source' ? 'source' : block.code === 'cap-dataset' ? 'dataset' : 'job name';
  return `${what} ${block.subject} is at its cap: ${block.inFlight}/${block.cap} jobs in flight`;
}

export function reservationNote(reservation: Reservation): string {
  const start = reservation.startsAtMs;
  return start === undefined
    ? `holds pool ${reservation.pool.poolId}, start not known from estimates`
    : `holds pool ${reservation.pool.poolId} from ~${isoOf(start)}`;
}

export function behindReservationReason(
  reservation: Reservation,
  fitting: PoolLedger,
  estimate: RunEstimate | undefined,
): string {
  const where =
    fitting === reservation.pool
      ? 'it is held'
      : `cohort ${fitting.cohort?.id ?? ''} capacity is held on pool ${reservation.pool.poolId}`;
  const held = `fits pool ${fitting.poolId} now, but ${where} for job ${reservation.jobId} (class ${reservation.className}`;
  const start = reservation.startsAtMs;
  if (start === undefined) {
    return `${held}, start not known) and this job would use capacity that job needs when it starts`;
  }
  const why = estimate === undefined ? 'this job has no estimate' : `this job would end after that (${estimateNote(estimate)})`;
  return `${held}) from ~${isoOf(start)} and ${why}`;
}

export function cycleLimitReason(maxAdmissions: number): string {
  return `this cycle already admitted its limit of ${maxAdmissions} jobs`;
}

export interface AdmissionFacts {
  job: QueuedJob;
  effectiveClass: string;
  agedSteps: number;
  source: string;
  share: number;
  weight: number;
  pool: PoolLedger;
  dominant: number;
  backfill?: { verdict: 'ends-before' | 'spare'; reservation: Reservation };
  borrowed?: Float64Array;
  estimate?: RunEstimate;
}

/** Where a planned run time came from, in words: "planned on 12m30s, p90 of 14 runs of job:orders-etl". */
export function estimateNote(estimate: RunEstimate): string {
  const planned = `planned on ${formatDuration(estimate.seconds)}`;
  if (estimate.basis === 'learned') return `${planned}, p90 of ${estimate.runs ?? 0} runs of ${estimate.key ?? ''}`;
  return `${planned}, ${estimate.basis === 'declared' ? 'its declared estimate' : 'its timeout'}`;
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(rest).padStart(2, '0')}s`;
}

export function admissionReason(facts: AdmissionFacts): string {
  const { job, pool, dominant } = facts;
  const aged =
    facts.agedSteps > 0
      ? `, aged ${facts.agedSteps} step${facts.agedSteps === 1 ? '' : 's'} to ${facts.effectiveClass}`
      : '';
  const left = headroomOn(pool, dominant);
  const parts = [
    `class ${job.priorityClass}${aged}`,
    `source ${facts.source} at share ${facts.share.toFixed(3)} (weight ${formatAmount(facts.weight)})`,
    `${facts.backfill ? 'backfilled on' : 'best fit on'} pool ${pool.poolId} (${dimensionAt(dominant)} ${formatAmount(left)} left)`,
  ];
  const backfill = facts.backfill;
  if (backfill) {
    const { reservation } = backfill;
    parts.push(
      backfill.verdict === 'ends-before'
        ? `ends before job ${reservation.jobId}'s reserved start ~${isoOf(reservation.startsAtMs ?? 0)}`
        : `leaves what job ${reservation.jobId} reserved untouched`,
    );
  }
  if (facts.estimate) parts.push(estimateNote(facts.estimate));
  const borrowed = facts.borrowed;
  if (borrowed && pool.cohort) {
    const lent: string[] = [];
    borrowed.forEach((amount, d) => amount > 0 && lent.push(`${dimensionAt(d)} ${formatAmount(amount)}`));
    if (lent.length > 0) parts.push(`borrows ${lent.join(', ')} from cohort ${pool.cohort.id}`);
  }
  return parts.join('; ');
}
