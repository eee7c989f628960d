import type { InFlightJob, QueuedJob, SharePolicySetData } from './domain';

export type CapCode = 'cap-source' | 'cap-dataset' | 'cap-jobname';

export interface CapBlock {
  code: CapCode;
  /** What the cap is on: the source, dataset or job name. */
  subject: string;
  inFlight: number;
  cap: number;
}

/**
 * Concurrency caps on in-flight jobs per source, per dataset and per job name (Glue's max
 * concurrent runs per job). In-flight counts the queue's reservations plus this cycle's admissions.
 */
export interface ConcurrencyCaps {
  blockOf(job: QueuedJob): CapBlock | undefined;
  record(job: QueuedJob): void;
}

interface CapKind {
  code: CapCode;
  caps: Map<string, number>;
  keyOf: (job: QueuedJob) => string | undefined;
  counts: Map<string, number>;
}

export function concurrencyCaps(
  policy: SharePolicySetData,
  inFlight: Record<string, InFlightJob>,
): ConcurrencyCaps {
  const kinds: CapKind[] = [];
  const add = (code: CapCode, caps: Record<string, number> | undefined, keyOf: CapKind['keyOf']) => {
    if (caps && Object.keys(caps).length > 0)
      kinds.push({ code, caps: new Map(Object.entries(caps)), keyOf, counts: new Map() });
  };
  add('cap-source', policy.sourceCaps, (job) => job.source);
  add('cap-dataset', policy.datasetCaps, (job) => job.dataset);
  add('cap-jobname', policy.jobNameCaps, (job) => job.jobName);
  if (kinds.length === 0) return { blockOf: () => undefined, record: () => undefined };

  const capOf = (kind: CapKind, key: string | undefined): number | undefined =>
    key === undefined ? undefined : kind.caps.get(key);
  const count = (job: QueuedJob) => {
    for (const kind of kinds) {
      const key = kind.keyOf(job);
      if (key !== undefined && capOf(kind, key) !== undefined)
        kind.counts.set(key, (kind.counts.get(key) ?? 0) + 1);
    }
  };
  for (const jobId in inFlight) {
    const job = inFlight[jobId];
    if (job) count(job);
  }
  return {
    blockOf(job) {
      for (const kind of kinds) {
        const key = kind.keyOf(job);
        const cap = capOf(kind, key);
        if (key === undefined || cap === undefined) continue;
        const current = kind.counts.get(key) ?? 0;
        if (current >= cap) return { code: kind.code, subject: key, inFlight: current, cap };
      }
      return undefined;
    },
    record: count,
  };
}
