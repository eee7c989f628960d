import type { SluiceEvent } from '../events/catalogue';
import type { JobState } from './jobState';

/** Applies one job event. Events are facts: evolve never refuses one. */
export function evolveJob(state: JobState, event: SluiceEvent): JobState {
  switch (event.type) {
    case 'JobSubmitted':
      return { ...state, status: 'queued', job: event.data };
    case 'JobAdmitted':
      return { ...state, status: 'admitted', poolId: event.data.poolId, reservation: event.data.reservation, notBefore: undefined };
    case 'JobStarted':
      return { ...state, status: 'running', runId: event.data.runId };
    case 'JobSucceeded':
      return { ...state, status: 'succeeded' };
    case 'JobFailed':
      return { ...state, status: 'failed', lastError: event.data.error };
    case 'JobRetryScheduled':
      return {
        ...state,
        status: 'queued',
        attempt: event.data.attempt,
        notBefore: event.data.notBefore,
        poolId: undefined,
        reservation: undefined,
        runId: undefined,
      };
    case 'JobCancellationRequested':
      return { ...state, cancelRequested: true };
    case 'JobCancelled':
      return { ...state, status: 'cancelled' };
    case 'JobTimedOut':
      return { ...state, status: 'timedOut' };
    default:
      return state;
  }
}
