import { z } from 'zod';
import {
  DomainError,
  MAX_DOCUMENT_BYTES,
  MAX_JSON_DEPTH,
  depthExceeds,
  jobSubmittedSchema,
  type EventStore,
  type JobCommand,
  type PoolCapacity,
} from '@sluice/domain';
import { admissibilityProblems, type AdmissibilityProblem } from '../policy/admissibility';
import { loadPool } from './loadAggregates';

// Not strict: the other fields are the full schema's business.
const placementSchema = z.object(jobSubmittedSchema.pick({ demand: true, backend: true, pools: true }).shape);

export type SubmissionData = Extract<JobCommand, { type: 'SubmitJob' }>['data'];

/** A job refused at submission, with every field at fault, in words a user can act on. */
export class SubmissionRefusedError extends DomainError {
  constructor(readonly problems: AdmissibilityProblem[]) {
    super('SubmissionRefused', `job refused: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
  }
}

export interface SubmissionOptions {
  /**
   * The pools as the caller's capacity view knows them, to check against without reading pool
   * streams; without it the handler reads each listed pool from the store.
   */
  pools?: Record<string, PoolCapacity>;
  /** Queue for pools that are not registered yet (a pipeline may publish before declaring them). */
  waitForPools?: boolean;
}

/**
 * Everything a submission must satisfy before anything is appended, whichever way it came in:
 * the event's schema (every issue at once, not the first), the size and depth limits the API
 * applies to a body, and that the job could ever run on the pools it names.
 */
export async function checkSubmission(
  store: EventStore,
  data: SubmissionData,
  options: SubmissionOptions = {},
): Promise<void> {
  const problems: AdmissibilityProblem[] = [];
  const parsed = jobSubmittedSchema.safeParse(data);
  if (!parsed.success) {
    // One reason per field (the first zod gives), so a field is never listed twice.
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || '(job)';
      if (!seen.has(field)) problems.push({ field, reason: issue.message });
      seen.add(field);
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES)
    problems.push({ field: 'spec', reason: `the job is ${bytes} bytes; at most ${MAX_DOCUMENT_BYTES} are accepted` });
  if (depthExceeds(data, MAX_JSON_DEPTH))
    problems.push({ field: 'spec', reason: `nested deeper than ${MAX_JSON_DEPTH} levels` });
  // Where it can run is checked whenever the fields that say so are valid, so its problems are
  // listed beside any others rather than after they are fixed.
  const placement = placementSchema.safeParse(data);
  if (placement.success) {
    const pools = options.pools ?? (await listedPools(store, placement.data.pools));
    problems.push(
      ...admissibilityProblems(placement.data, pools, { ...options, complete: options.pools !== undefined }),
    );
  }
  if (problems.length > 0) throw new SubmissionRefusedError(problems);
}

async function listedPools(store: EventStore, poolIds: readonly string[]): Promise<Record<string, PoolCapacity>> {
  const pools: Record<string, PoolCapacity> = {};
  for (const poolId of new Set(poolIds)) {
    const { state, version } = await loadPool(store, poolId);
    pools[poolId] = { ...state, streamVersion: version };
  }
  return pools;
}
