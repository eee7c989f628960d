import { BackendRejectedError } from '@sluice/domain';

/** Why a job-manager step failed, in Sluice's terms rather than a runtime's error strings. */
export type TaskFailureKind = 'backendRejected' | 'jobNotRunnable' | 'timedOut' | 'other';

export interface TaskFailure {
  kind: TaskFailureKind;
  /** The error's own name (`BackendRejectedError`, `States.Timeout`, `ThrottlingException`…). */
  name: string;
  detail: string;
}

/** Time-outs and exhausted throttling retries may succeed later; a refused start will not. */
export const RETRYABLE: Record<TaskFailureKind, boolean> = {
  backendRejected: false,
  jobNotRunnable: false,
  timedOut: true,
  other: true,
};

const JOB_NOT_RUNNABLE = 'JobNotRunnable';
const STEP_FUNCTIONS_TIMEOUTS = new Set(['States.Timeout', 'States.HeartbeatTimeout']);

function kindOf(name: string): TaskFailureKind {
  if (name === BackendRejectedError.name) return 'backendRejected';
  if (name === JOB_NOT_RUNNABLE) return 'jobNotRunnable';
  if (STEP_FUNCTIONS_TIMEOUTS.has(name)) return 'timedOut';
  return 'other';
}

/** A failure the in-process runner caught. */
export function taskFailureOf(error: unknown): TaskFailure {
  const name = error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: kindOf(name), name, detail };
}

/** What a state machine's Catch hands on (`{ Error, Cause }`), read once at the edge. */
export function stepFunctionsFailure(caught: { Error?: string; Cause?: string }): TaskFailure {
  const name = caught.Error ?? 'Error';
  return { kind: kindOf(name), name, detail: caught.Cause ?? 'no detail' };
}

/** The JobFailed error text: the name first, so operators can grep for it. */
export const failureText = (failure: TaskFailure): string => `${failure.name}: ${failure.detail}`.slice(0, 4000);
