import {
  ConcurrencyError,
  DomainError,
  decideJob,
  holdsCapacity,
  initialJobState,
  jobStreamId,
  poolStreamId,
  type AppendResult,
  type AppendToStream,
  type EventInput,
  type EventStore,
  type JobCommand,
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
  command: Exclude<JobCommand, { type: 'SubmitJob' | 'AdmitJob' }>,
  ctx: CommandContext,
): Promise<AppendResult[]> {
  const { state, version } = await loadJob(store, jobId);
  if (state.status === 'unknown') throw new JobNotFoundError(jobId);
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

export async function submitJob(
  store: EventStore,
  data: Extract<JobCommand, { type: 'SubmitJob' }>['data'],
  ctx: CommandContext,
): Promise<AppendResult> {
  const { state, version } = await loadJob(store, data.jobId);
  const events = decideJob({ type: 'SubmitJob', data }, state);
  return store.appendToStream(jobStreamId(data.jobId), toNewEvents(events, ctx), { expectedVersion: version });
}

/**
 * Submits a job whose stream must not exist yet. False when it does: a retry of the same
 * submission, or a job id used before; the caller tells the two apart.
 */
export async function submitNewJob(
  store: EventStore,
  data: Extract<JobCommand, { type: 'SubmitJob' }>['data'],
  ctx: CommandContext,
): Promise<{ created: boolean }> {
  const events = decideJob({ type: 'SubmitJob', data }, initialJobState());
  try {
    const result = await store.appendToStream(jobStreamId(data.jobId), toNewEvents(events, ctx), {
      expectedVersion: 'noStream',
    });
    return { created: !result.duplicate };
  } catch (error) {
    if (error instanceof ConcurrencyError) return { created: false };
    throw error;
  }
}

/**
 * Submits new jobs in one atomic append (each stream must not exist yet): a pipeline's batch is
 * recorded whole or not at all. Re-sending the same events is a no-op, as for any append.
 */
export async function submitJobs(
  store: EventStore,
  jobs: Extract<JobCommand, { type: 'SubmitJob' }>['data'][],
  ctx: CommandContext,
): Promise<AppendResult[]> {
  return store.appendAtomically(
    jobs.map((data) => ({
      streamId: jobStreamId(data.jobId),
      expectedVersion: 'noStream' as const,
      events: toNewEvents(decideJob({ type: 'SubmitJob', data }, initialJobState()), ctx),
    })),
  );
}
