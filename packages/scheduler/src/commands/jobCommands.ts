import {
  ConcurrencyError,
  DomainError,
  decideJob,
  holdsCapacity,
  jobStreamId,
  poolStreamId,
  type AppendResult,
  type AppendToStream,
  type EventInput,
  type EventStore,
  type JobCommand,
  type JobState,
  type ReleaseReason,
} from '@sluice/domain';
import { toNewEvents, type CommandContext } from './commandContext';
import { loadJob } from './loadAggregates';

const RELEASE_REASON: Record<string, ReleaseReason> = {
  JobSucceeded: 'succeeded',
  JobFailed: 'failed',
  JobCancelled: 'cancelled',
  JobTimedOut: 'timedOut',
};

type LifecycleCommand = Exclude<JobCommand, { type: 'SubmitJob' | 'AdmitJob' }>;

export class JobNotFoundError extends DomainError {
  constructor(readonly jobId: string) {
    super('JobNotFound', `job ${jobId} does not exist`);
  }
}

/**
 * Runs a lifecycle command against a job. When the job ends while holding a reservation, the
 * pool's release is written in the same atomic append, so capacity is never freed twice or lost.
 * The job stream's expected version guards the pair; the release itself needs no pool guard
 * because freeing capacity can never break a quota.
 */
export async function handleJobCommand(
  store: EventStore,
  jobId: string,
  command: LifecycleCommand,
  ctx: CommandContext,
): Promise<AppendResult[]> {
  const loaded = await loadJob(store, jobId);
  if (loaded.state.status === 'unknown') throw new JobNotFoundError(jobId);
  return appendDecision(store, jobId, loaded, command, ctx);
}

/** How many times a time-out is decided again after another writer appended to the job first. */
const TIME_OUT_ATTEMPTS = 3;

/**
 * Records that a job's run overran its time limit (the caller has stopped the run). Safe to
 * repeat: a retry after a crash finds the job timed out already, and a job that ended or moved to
 * another run meanwhile is left alone; both append nothing and answer `false`. A writer that
 * appends first (a cancellation request, say) only makes it decide again on the newer state.
 */
export async function timeOutJob(
  store: EventStore,
  jobId: string,
  run: { runId: string; afterSeconds: number },
  ctx: CommandContext,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadJob(store, jobId);
    if (loaded.state.status !== 'running' || loaded.state.runId !== run.runId) return false;
    try {
      await appendDecision(store, jobId, loaded, { type: 'TimeOutJob', afterSeconds: run.afterSeconds }, ctx);
      return true;
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < TIME_OUT_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** Decides on the state as loaded and appends, guarded by the version it was loaded at. */
async function appendDecision(
  store: EventStore,
  jobId: string,
  { state, version }: { state: JobState; version: number },
  command: LifecycleCommand,
  ctx: CommandContext,
): Promise<AppendResult[]> {
  const events = decideJob(command, state);
  if (events.length === 0) return [];
  const appends: AppendToStream[] = [{ streamId: jobStreamId(jobId), expectedVersion: version, events: toNewEvents(events, ctx) }];
  const ending = events.find((e) => RELEASE_REASON[e.type]);
  if (ending && holdsCapacity(state.status) && state.poolId && state.reservation) {
    const release: EventInput = {
      type: 'CapacityReleased',
      data: { poolId: state.poolId, jobId, demand: state.reservation, reason: RELEASE_REASON[ending.type]! },
    };
    appends.push({ streamId: poolStreamId(state.poolId), expectedVersion: 'any', events: toNewEvents([release], ctx) });
  }
  return store.appendAtomically(appends);
}
