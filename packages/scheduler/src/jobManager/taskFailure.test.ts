import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { RETRYABLE, failureText, stepFunctionsFailure, taskFailureOf } from './taskFailure';

describe('task failures', () => {
  it('reads a refused start as final and anything else as worth retrying', () => {
    const refused = taskFailureOf(new BackendRejectedError('glue', 'no such job definition'));
    expect(refused).toMatchObject({ kind: 'backendRejected', name: 'BackendRejectedError' });
    expect(RETRYABLE[refused.kind]).toBe(false);
    const flaky = taskFailureOf(new Error('socket hang up'));
    expect(flaky).toEqual({ kind: 'other', name: 'Error', detail: 'socket hang up' });
    expect(RETRYABLE[flaky.kind]).toBe(true);
    expect(taskFailureOf(new BackendBusyError('glue', 'throttled')).kind).toBe('other');
  });

  it("reads the state machine's Catch the same way, timeouts included", () => {
    expect(stepFunctionsFailure({ Error: 'BackendRejectedError', Cause: 'bad spec' }).kind).toBe('backendRejected');
    expect(stepFunctionsFailure({ Error: 'JobNotRunnable', Cause: 'job j1 is cancelled' }).kind).toBe('jobNotRunnable');
    expect(stepFunctionsFailure({ Error: 'States.Timeout' })).toEqual({
      kind: 'timedOut',
      name: 'States.Timeout',
      detail: 'no detail',
    });
    expect(RETRYABLE.timedOut).toBe(true);
    expect(RETRYABLE.jobNotRunnable).toBe(false);
  });

  it('writes the error name first in the recorded text, bounded in length', () => {
    expect(failureText({ kind: 'other', name: 'ThrottlingException', detail: 'rate exceeded' })).toBe(
      'ThrottlingException: rate exceeded',
    );
    expect(failureText({ kind: 'other', name: 'E', detail: 'x'.repeat(5000) }).length).toBe(4000);
  });
});
