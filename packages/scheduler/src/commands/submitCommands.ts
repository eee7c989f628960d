import {
  ConcurrencyError,
  decideJob,
  initialJobState,
  jobStreamId,
  type AppendResult,
  type EventStore,
} from '@sluice/domain';
import { toNewEvents, type CommandContext } from './commandContext';
import { loadJob } from './loadAggregates';
import { checkSubmission, type SubmissionData, type SubmissionOptions } from './submissionCheck';

/** Submits a job after every check of `checkSubmission`; a refused job appends nothing. */
export async function submitJob(
  store: EventStore,
  data: SubmissionData,
  ctx: CommandContext,
  options: SubmissionOptions = {},
): Promise<AppendResult> {
  await checkSubmission(store, data, options);
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
  data: SubmissionData,
  ctx: CommandContext,
  options: SubmissionOptions = {},
): Promise<{ created: boolean }> {
  await checkSubmission(store, data, options);
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
 * recorded whole or not at all, and refused whole when one job is. Re-sending the same events is
 * a no-op, as for any append.
 */
export async function submitJobs(
  store: EventStore,
  jobs: SubmissionData[],
  ctx: CommandContext,
  options: SubmissionOptions = {},
): Promise<AppendResult[]> {
  for (const data of jobs) await checkSubmission(store, data, options);
  return store.appendAtomically(
    jobs.map((data) => ({
      streamId: jobStreamId(data.jobId),
      expectedVersion: 'noStream' as const,
      events: toNewEvents(decideJob({ type: 'SubmitJob', data }, initialJobState()), ctx),
    })),
  );
}
