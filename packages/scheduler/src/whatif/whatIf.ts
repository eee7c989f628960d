import type { SharePolicySetData, StoredEvent } from '@sluice/domain';
import { sluicePolicy } from '../policy/sluicePolicy';
import type { SchedulingPolicy } from '../policy/snapshot';
import { isoAtSeconds } from '../simulation/engine/virtualClock';
import { workloadFromHistory } from './history/workloadFromHistory';
import { CandidatePolicyError, parseCandidatePolicy } from './policy/parseCandidatePolicy';
import { fidelityOf, type Fidelity } from './replay/fidelity';
import { replayHistory } from './replay/replayHistory';
import { movedJobs, type MovedJob } from './report/movedJobs';
import { outcomeReport, type OutcomeReport } from './report/outcomeReport';

export interface WhatIfInput {
  /** The recorded log (or the part of it covering the window), in any order: it is sorted by position. */
  events: readonly StoredEvent[];
  /** A share policy as `SharePolicySet` takes it: JSON text, a parsed value, or already parsed data. */
  candidate: unknown;
  /** ISO instants bounding the window; default the whole log. */
  from?: string;
  until?: string;
  /** How many moved jobs to list (default 20). */
  movedJobs?: number;
  /** The admission code; Sluice's policy unless a test says otherwise. */
  policy?: SchedulingPolicy;
}

export interface WhatIfReport {
  window: { from: string; until: string; jobs: number; pools: string[]; cycles: number; skipped: Record<string, number> };
  candidatePolicy: SharePolicySetData;
  /** How closely the replay under the recorded policy reproduces the record: read it before trusting the rest. */
  fidelity: Fidelity;
  /** The same window replayed under the recorded policy, and under the candidate. */
  recorded: OutcomeReport;
  candidate: OutcomeReport;
  moved: MovedJob[];
}

/**
 * "What would this window have looked like under that policy?": rebuilds the workload from the
 * recorded events, replays it under the recorded policy (and measures how faithfully that
 * reproduces the record) and under the candidate, and reports both side by side. Pure: reads
 * nothing, writes nothing, takes no clock. Throws `CandidatePolicyError` naming every field at
 * fault when the candidate does not parse, and a RangeError for a bad `from`/`until`.
 */
export function whatIf(input: WhatIfInput): WhatIfReport {
  const parsed = parseCandidatePolicy(input.candidate);
  if (!parsed.ok) throw new CandidatePolicyError(parsed.errors);
  const history = workloadFromHistory(input.events, {
    ...(input.from !== undefined ? { from: input.from } : {}),
    ...(input.until !== undefined ? { until: input.until } : {}),
  });
  const policy = input.policy ?? sluicePolicy;
  const recorded = replayHistory(history, { policy });
  const candidate = replayHistory(history, { policy, candidate: parsed.policy });
  const isoAt = (seconds: number) => isoAtSeconds(history.originMs, seconds);
  const sampling = { seconds: history.cycles.map((cycle) => cycle.atSeconds), isoAt };
  return {
    window: {
      from: history.from,
      until: history.until,
      jobs: history.jobs.length,
      pools: history.pools.map((p) => p.poolId),
      cycles: history.cycles.length,
      skipped: history.skipped,
    },
    candidatePolicy: parsed.policy,
    fidelity: fidelityOf(history, recorded),
    recorded: outcomeReport(recorded, history.jobs, sampling),
    candidate: outcomeReport(candidate, history.jobs, sampling),
    moved: movedJobs(
      history.jobs,
      recorded.admissions,
      candidate.admissions,
      isoAt,
      input.movedJobs ?? 20,
    ),
  };
}
