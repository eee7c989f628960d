import {
  ConcurrencyError,
  DomainError,
  type Backend,
  type BackendPort,
  type EventStore,
  type JobSummary,
  type JobViewState,
  type PoolProbe,
  type RunStatus,
  RunNotFoundError,
} from '@sluice/domain';
import type { CommandContext } from '../commandContext';
import { handleJobCommand } from '../jobCommands';
import {
  believedRuns,
  decideReconciliation,
  type BelievedRun,
  type ReconcileDecision,
  type RunObservation,
} from './reconcileDecisions';

export interface ReconcileOptions {
  store: EventStore;
  /** The job view (or its entries) as the caller last projected it. */
  jobs: JobViewState | JobSummary[];
  backends: Partial<Record<Backend, BackendPort>>;
  context: CommandContext;
  /** Pools whose backends can list their runs in one call; other runs are asked one by one. */
  pools?: PoolProbe[];
}

export interface ReconcileReport {
  checked: number;
  applied: ReconcileDecision[];
  /** Decisions not recorded because the job moved on meanwhile (the runner reported first). */
  superseded: ReconcileDecision[];
  /** Runs whose backend could not be asked this time. */
  unavailable: { jobId: string; detail: string }[];
}

/**
 * One reconciliation pass: asks each backend about the runs Sluice believes are in flight, and
 * records through the lifecycle handlers what it has missed (runs that ended unreported, runs the
 * backend no longer knows). Safe to run next to the job runner: every write is guarded by the job
 * stream's version, and a report that no longer applies is dropped.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileReport> {
  const runs = believedRuns(options.jobs);
  const listed = await listedStatuses(options, runs);
  const report: ReconcileReport = { checked: runs.length, applied: [], superseded: [], unavailable: [] };
  for (const run of runs) {
    const observation = await observe(options.backends[run.backend], run, listed);
    if (observation.kind === 'unavailable') {
      report.unavailable.push({ jobId: run.jobId, detail: observation.detail });
      continue;
    }
    const decision = decideReconciliation(run, observation, options.context.now);
    if (!decision) continue;
    if (await apply(options, decision)) report.applied.push(decision);
    else report.superseded.push(decision);
  }
  return report;
}

/** Statuses from `listRuns`, per run id, for the pools given; a failing listing is simply skipped. */
async function listedStatuses(
  options: ReconcileOptions,
  runs: BelievedRun[],
): Promise<Map<string, RunStatus>> {
  const statuses = new Map<string, RunStatus>();
  const wanted = new Set(runs.map((r) => `${r.backend}\u0000${r.poolId ?? ''}`));
  for (const probe of options.pools ?? []) {
    const backend = options.backends[probe.backend];
    if (!backend?.listRuns || !wanted.has(`${probe.backend}\u0000${probe.poolId}`)) continue;
    try {
      for (const run of await backend.listRuns(probe))
        statuses.set(`${probe.backend}\u0000${run.runId}`, run.status);
    } catch {
      // Fall back to asking run by run.
    }
  }
  return statuses;
}

async function observe(
  backend: BackendPort | undefined,
  run: BelievedRun,
  listed: Map<string, RunStatus>,
): Promise<RunObservation> {
  if (!backend) return { kind: 'unavailable', detail: `no ${run.backend} backend is configured` };
  const fromList = listed.get(`${run.backend}\u0000${run.runId}`);
  if (fromList) return { kind: 'status', status: fromList };
  try {
    return { kind: 'status', status: await backend.status(run.runId) };
  } catch (error) {
    if (error instanceof RunNotFoundError) return { kind: 'missing', detail: error.message };
    return { kind: 'unavailable', detail: (error as Error).message ?? String(error) };
  }
}

async function apply(options: ReconcileOptions, decision: ReconcileDecision): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await handleJobCommand(options.store, decision.jobId, decision.command, options.context);
      return true;
    } catch (error) {
      // Another writer appended to the job meanwhile: decide again on the new state.
      if (error instanceof ConcurrencyError && attempt < 3) continue;
      if (error instanceof DomainError && error.code === 'IllegalTransition') return false;
      throw error;
    }
  }
}
