import {
  BackendRejectedError,
  DomainError,
  RunNotFoundError,
  isTerminal,
  type Backend,
  type BackendPort,
  type EventStore,
  type RunStatus,
  type StoredEvent,
} from '@sluice/domain';
import { RETRYABLE, failureText, type TaskFailure } from './taskFailure';
import type { CommandContext } from '../commands/commandContext';
import { handleJobCommand, timeOutJob } from '../commands/jobCommands';
import { loadJob, loadJobRun } from '../commands/loadAggregates';
import { runOverrunSeconds } from './runTimeout';
import type { TaskTokenNotifier, TaskTokenStore } from './taskTokens';

export interface JobManagerDeps {
  store: EventStore;
  backends: Partial<Record<Backend, BackendPort>>;
  context: (actor: string) => CommandContext;
  tokens?: TaskTokenStore;
  notifier?: TaskTokenNotifier;
  /** The time (ms) run time-outs are judged at; without it, the time of the command context. */
  clockMs?: () => number;
}

export interface AdmittedOutput {
  jobId: string;
  poolId: string;
}

export class JobNotRunnableError extends DomainError {
  constructor(jobId: string, status: string) {
    super('JobNotRunnable', `job ${jobId} is ${status}`);
  }
}

/**
 * RequestAdmission (`.waitForTaskToken`): parks the execution until the scheduler admits the job.
 * The token is stored first and the job re-read after, so an admission that lands in between is
 * still answered; the notifier tolerates a token answered twice.
 */
export async function requestAdmission(deps: JobManagerDeps, input: { jobId: string; taskToken: string }): Promise<void> {
  const { tokens, notifier } = required(deps);
  await tokens.put(input.jobId, input.taskToken);
  const { state } = await loadJob(deps.store, input.jobId);
  if (state.status === 'admitted' || state.status === 'running') {
    const token = await tokens.take(input.jobId);
    if (token) await notifier.succeed(token, { jobId: input.jobId, poolId: state.poolId } satisfies Partial<AdmittedOutput>);
  } else if (state.status === 'unknown' || isTerminal(state.status)) {
    const token = await tokens.take(input.jobId);
    if (token) await notifier.fail(token, 'JobNotRunnable', `job ${input.jobId} is ${state.status}`);
  }
}

/** Answers the executions waiting on jobs that these events admitted or ended. */
export async function answerWaitingExecutions(deps: JobManagerDeps, events: StoredEvent[]): Promise<number> {
  const { tokens, notifier } = required(deps);
  let answered = 0;
  for (const event of events) {
    if (event.type === 'JobAdmitted') {
      const token = await tokens.take(event.data.jobId);
      if (token) await notifier.succeed(token, { jobId: event.data.jobId, poolId: event.data.poolId } satisfies AdmittedOutput);
      answered += token ? 1 : 0;
    } else if (event.type === 'JobCancelled' || event.type === 'JobTimedOut') {
      const token = await tokens.take(event.data.jobId);
      if (token) await notifier.fail(token, 'JobNotRunnable', `job ${event.data.jobId}: ${event.type}`);
      answered += token ? 1 : 0;
    }
  }
  return answered;
}

/**
 * StartJob: starts the admitted job on its backend and records JobStarted. BackendBusyError
 * propagates for the state machine's Retry; BackendRejectedError for its Catch.
 */
export async function startJob(deps: JobManagerDeps, input: { jobId: string }): Promise<{ jobId: string; runId: string }> {
  const { state } = await loadJob(deps.store, input.jobId);
  if (state.status === 'running' && state.runId) return { jobId: input.jobId, runId: state.runId };
  if (state.status !== 'admitted' || !state.job || !state.poolId) throw new JobNotRunnableError(input.jobId, state.status);
  const backend = deps.backends[state.job.backend];
  if (!backend) throw new BackendRejectedError(state.job.backend, `no ${state.job.backend} backend is configured`);
  const { runId } = await backend.start({
    jobId: input.jobId,
    attempt: state.attempt,
    backend: state.job.backend,
    poolId: state.poolId,
    spec: state.job.spec,
    demand: state.reservation ?? state.job.demand,
  });
  try {
    await handleJobCommand(deps.store, input.jobId, { type: 'StartJob', runId }, deps.context('job-manager'));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'IllegalTransition')) throw error;
    // Cancelled while its run was starting: stop the run just launched rather than leak it.
    await backend.cancel(runId);
    throw new JobNotRunnableError(input.jobId, 'no longer admitted');
  }
  return { jobId: input.jobId, runId };
}

/** Whether the run is past its job's time limit, and if so how long it had run (whole seconds). */
export type TimeoutVerdict = { timedOut: false } | { timedOut: true; afterSeconds: number };

export type JobStatusOutput = { jobId: string; runId: string } & RunStatus & { done: boolean } & TimeoutVerdict;

const ENDED: ReadonlySet<RunStatus['state']> = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * GetJobStatus: the backend's view of the run, with `done` and `timedOut` for the state machine's
 * Choice. A run that ended on its own is reported as it ended, even when noticed past its limit.
 * A run cancelled without a cancellation request, past its limit, was stopped by a time-out that
 * crashed before recording it, so it is timed out again rather than reported as cancelled.
 */
export async function getJobStatus(deps: JobManagerDeps, input: { jobId: string; runId: string }): Promise<JobStatusOutput> {
  const { state, runStartedAt } = await loadJobRun(deps.store, input.jobId);
  const backend = state.job ? deps.backends[state.job.backend] : undefined;
  if (!backend) throw new BackendRejectedError(state.job?.backend ?? 'unknown', `no backend for job ${input.jobId}`);
  const status = await backend.status(input.runId);
  const ended = ENDED.has(status.state);
  const overrun = state.runId === input.runId ? runOverrunSeconds(state, runStartedAt, nowMs(deps)) : undefined;
  const stoppedByTimeOut = status.state === 'cancelled' && !state.cancelRequested;
  if (overrun !== undefined && (!ended || stoppedByTimeOut)) {
    return { jobId: input.jobId, runId: input.runId, ...status, done: false, timedOut: true, afterSeconds: overrun };
  }
  return { jobId: input.jobId, runId: input.runId, ...status, done: ended, timedOut: false };
}

/**
 * TimeOutRun: stops a run past its job's time limit, then records JobTimedOut, which releases the
 * job's capacity in the same append. Stopped first, because recorded first and then crashed, the
 * run would go on using capacity the pool counts as free. Safe to repeat: a run the backend no
 * longer knows needs no stop, and a job that ended meanwhile (or was timed out by an earlier
 * attempt of this task) is left alone and nothing is recorded.
 */
export async function timeOutRun(
  deps: JobManagerDeps,
  input: { jobId: string; runId: string; afterSeconds: number },
): Promise<{ jobId: string; recorded: boolean }> {
  const { state } = await loadJob(deps.store, input.jobId);
  if (state.status !== 'running' || state.runId !== input.runId) return { jobId: input.jobId, recorded: false };
  const backend = state.job ? deps.backends[state.job.backend] : undefined;
  if (!backend) throw new BackendRejectedError(state.job?.backend ?? 'unknown', `no backend for job ${input.jobId}`);
  try {
    await backend.cancel(input.runId);
  } catch (error) {
    if (!(error instanceof RunNotFoundError)) throw error;
  }
  const run = { runId: input.runId, afterSeconds: input.afterSeconds };
  return { jobId: input.jobId, recorded: await timeOutJob(deps.store, input.jobId, run, deps.context('job-manager')) };
}

const nowMs = (deps: JobManagerDeps): number => deps.clockMs?.() ?? Date.parse(deps.context('job-manager').now);

/** ReportResult: records how the run ended (releasing the job's capacity in the same append). */
export async function reportResult(deps: JobManagerDeps, input: JobStatusOutput): Promise<{ jobId: string; recorded: boolean }> {
  const ctx = deps.context('job-manager');
  const command =
    input.state === 'succeeded'
      ? ({ type: 'CompleteJob', runId: input.runId } as const)
      : input.state === 'failed'
        ? ({ type: 'FailJob', error: input.reason, retryable: input.retryable, now: ctx.now } as const)
        : input.state === 'cancelled'
          ? ({ type: 'ConfirmCancellation', reason: input.reason ?? 'stopped at the backend' } as const)
          : undefined;
  if (!command) return { jobId: input.jobId, recorded: false };
  return { jobId: input.jobId, recorded: await recordIfStillApplies(deps, input.jobId, command, ctx) };
}

/** ReportFailure: the job fails with the failure the runner or the state machine's Catch caught. */
export async function reportFailure(
  deps: JobManagerDeps,
  input: { jobId: string; failure: TaskFailure },
): Promise<{ jobId: string; recorded: boolean }> {
  const ctx = deps.context('job-manager');
  const command = {
    type: 'FailJob',
    error: failureText(input.failure),
    retryable: RETRYABLE[input.failure.kind],
    now: ctx.now,
  } as const;
  return { jobId: input.jobId, recorded: await recordIfStillApplies(deps, input.jobId, command, ctx) };
}

async function recordIfStillApplies(
  deps: JobManagerDeps,
  jobId: string,
  command: Parameters<typeof handleJobCommand>[2],
  ctx: CommandContext,
): Promise<boolean> {
  try {
    await handleJobCommand(deps.store, jobId, command, ctx);
    return true;
  } catch (error) {
    // Reported already (a retried task, or the reconciler got there first): nothing to add.
    if (error instanceof DomainError && error.code === 'IllegalTransition') return false;
    throw error;
  }
}

/** Keeps the executions of queued jobs alive while they wait longer than the task's heartbeat. */
export async function heartbeatWaitingExecutions(deps: JobManagerDeps, queuedJobIds: string[]): Promise<number> {
  const { tokens, notifier } = required(deps);
  let sent = 0;
  for (const jobId of queuedJobIds) {
    const token = await tokens.peek(jobId);
    if (!token) continue;
    await notifier.heartbeat(token);
    sent += 1;
  }
  return sent;
}

function required(deps: JobManagerDeps): { tokens: TaskTokenStore; notifier: TaskTokenNotifier } {
  if (!deps.tokens || !deps.notifier) throw new Error('the job manager needs a task token store and notifier');
  return { tokens: deps.tokens, notifier: deps.notifier };
}

