import {
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
