import { IllegalTransitionError } from '../errors/domainErrors';
import type { EventInput } from '../events/catalogue';
import type { JobCommand } from './jobCommands';
import { isTerminal, type JobState } from './jobState';
import { retryDelaySeconds } from './retryBackoff';
import { retryFollows } from './retryFollows';

const refuse = (state: JobState, command: JobCommand): never => {
  throw new IllegalTransitionError(`job ${state.job?.jobId ?? '(new)'}`, state.status, command.type);
};

/**
 * The job lifecycle: which events a command produces from a state, or a typed refusal.
 * Payloads come out unvalidated on purpose: the event store validates every event it appends.
 */
export function decideJob(command: JobCommand, state: JobState): EventInput[] {
  const jobId = state.job?.jobId ?? '';
  switch (command.type) {
    case 'SubmitJob':
      if (state.status !== 'unknown') return refuse(state, command);
      return [{ type: 'JobSubmitted', data: command.data }];

    case 'AdmitJob':
      if (state.status !== 'queued' || state.cancelRequested) return refuse(state, command);
      if (state.notBefore && command.now < state.notBefore) {
        throw new IllegalTransitionError(`job ${jobId}`, `waiting for retry until ${state.notBefore}`, command.type);
      }
      return [
        {
          type: 'JobAdmitted',
          data: {
            jobId,
            poolId: command.poolId,
            reservation: command.reservation,
            reason: command.reason,
            ...(command.cycleId ? { cycleId: command.cycleId } : {}),
            ...(command.estimate ? { estimate: command.estimate } : {}),
          },
        },
      ];

    case 'StartJob':
      if (state.status !== 'admitted') return refuse(state, command);
      return [{ type: 'JobStarted', data: { jobId, runId: command.runId } }];

    case 'CompleteJob':
      if (state.status !== 'running') return refuse(state, command);
      return [{ type: 'JobSucceeded', data: { jobId, ...(command.runId ? { runId: command.runId } : {}) } }];

    case 'FailJob': {
      // A job can fail before it starts (the backend refuses the start for good).
      if (state.status !== 'running' && state.status !== 'admitted') return refuse(state, command);
      const failed: EventInput = {
        type: 'JobFailed',
        data: { jobId, error: command.error, retryable: command.retryable, ...(state.runId ? { runId: state.runId } : {}) },
      };
      const maxAttempts = state.job?.maxAttempts ?? 1;
      if (!retryFollows({ attempt: state.attempt, maxAttempts, cancelRequested: state.cancelRequested }, command.retryable)) {
        return [failed];
      }
      const attempt = state.attempt + 1;
      const notBefore = new Date(Date.parse(command.now) + retryDelaySeconds(attempt) * 1000).toISOString();
      return [failed, { type: 'JobRetryScheduled', data: { jobId, attempt, notBefore } }];
    }

    case 'CancelJob':
      if (isTerminal(state.status) || state.status === 'unknown') return refuse(state, command);
      if (state.status === 'running') {
        if (state.cancelRequested) return [];
        return [{ type: 'JobCancellationRequested', data: { jobId, reason: command.reason } }];
      }
      return [{ type: 'JobCancelled', data: { jobId, reason: command.reason } }];

    case 'ConfirmCancellation':
      if (state.status !== 'running' || !state.cancelRequested) return refuse(state, command);
      return [{ type: 'JobCancelled', data: { jobId, reason: command.reason } }];

    case 'TimeOutJob':
      if (state.status !== 'running' && state.status !== 'admitted') return refuse(state, command);
      return [{ type: 'JobTimedOut', data: { jobId, afterSeconds: command.afterSeconds } }];
  }
}
