import { loadJob } from '@sluice/scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import { STATES } from './jobManagerDefinition';
import { jobManagerHarness, type JobManagerHarness } from '../testing/jobManagerHarness';
import { ScriptedBackend } from '../testing/scriptedBackend';

let harness: JobManagerHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The error an execution ended with: aws-local-stepfunctions wraps the Fail state's error as `cause`. */
async function failureOf(result: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = await result.then(
    () => expect.fail('the execution should have failed'),
    (e: unknown) => e as { cause?: { name: string; message: string } },
  );
  return { name: error.cause!.name, message: error.cause!.message };
}

const entered = (events: { type: string; state?: { name: string } }[]) =>
  events.filter((e) => e.type === 'StateEntered').map((e) => e.state!.name);

describe('job manager executed locally with the real tasks over SQLite', () => {
  it('waits for admission, then starts, polls and records success, releasing the capacity', async () => {
    const backend = new ScriptedBackend({
      statuses: [{ state: 'running' }, { state: 'running' }, { state: 'succeeded' }],
    });
    harness = await jobManagerHarness({ backend });
    await harness.registerPool();
    await harness.submit('job-1');

    const execution = harness.start('job-1');
    await execution.parked;
    // Parked: nothing has started while the job is only queued.
    expect(backend.starts).toHaveLength(0);
    expect(harness.tokens.isWaiting('token-job-1')).toBe(true);
    expect(await harness.jobEvents('job-1')).toEqual(['JobSubmitted']);

    expect(await harness.schedule()).toEqual(['job-1']);
    const output = (await execution.result) as {
      admission: unknown;
      run: { runId: string };
      poll: { status: { state: string } };
    };
    await execution.done;

    expect(output.admission).toEqual({ jobId: 'job-1', poolId: 'glue-dev' });
    expect(output.run.runId).toBe('etl/jr_job-1_1');
    expect(output.poll.status.state).toBe('succeeded');
    expect(backend.polls).toHaveLength(3);
    expect(await harness.jobEvents('job-1')).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobSucceeded',
    ]);
    expect((await harness.poolEvents()).map((e) => e.type)).toEqual([
      'PoolRegistered',
      'CapacityReserved',
      'CapacityReleased',
    ]);
    expect(entered(execution.events)).toEqual([
      STATES.requestAdmission,
      STATES.startJob,
      ...Array(3).fill([STATES.waitForRun, STATES.getJobStatus, STATES.runEnded]).flat(),
      STATES.reportResult,
      STATES.reported,
    ]);
  });

  it('times out a run still going past its timeoutSeconds: stops it, records JobTimedOut, frees the capacity', async () => {
    const backend = new ScriptedBackend({ statuses: [{ state: 'running' }] });
    // The clock jumps an hour once the backend has been polled twice: the second poll is past the limit.
    harness = await jobManagerHarness({
      backend,
      clockMs: () => Date.now() + (backend.polls.length >= 2 ? 3_600_000 : 0),
    });
    await harness.registerPool();
    await harness.submit('job-9', { timeoutSeconds: 600 });
    const execution = harness.start('job-9');
    await execution.parked;
    await harness.schedule();

    const output = (await execution.result) as {
      poll: { status: { timedOut: boolean; afterSeconds: number } };
      report: { recorded: boolean };
    };
    await execution.done;
    expect(output.poll.status).toMatchObject({ timedOut: true });
    expect(output.poll.status.afterSeconds).toBeGreaterThanOrEqual(3600);
    expect(output.report.recorded).toBe(true);
    expect(backend.cancelled).toEqual(['etl/jr_job-9_1']);
    expect(await harness.jobEvents('job-9')).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobTimedOut',
    ]);
    expect((await harness.poolEvents()).map((e) => e.type)).toEqual([
      'PoolRegistered',
      'CapacityReserved',
      'CapacityReleased',
    ]);
    expect(entered(execution.events)).toEqual([
      STATES.requestAdmission,
      STATES.startJob,
      ...Array(2).fill([STATES.waitForRun, STATES.getJobStatus, STATES.runEnded]).flat(),
      STATES.timeOutRun,
      STATES.reported,
    ]);
  });

  it('reports a run that succeeds within its timeoutSeconds as succeeded, without stopping it', async () => {
    const backend = new ScriptedBackend({ statuses: [{ state: 'running' }, { state: 'succeeded' }] });
    harness = await jobManagerHarness({ backend });
    await harness.registerPool();
    await harness.submit('job-10', { timeoutSeconds: 600 });
    const execution = harness.start('job-10');
    await execution.parked;
    await harness.schedule();

    await execution.result;
    await execution.done;
    expect(backend.cancelled).toEqual([]);
    expect(await harness.jobEvents('job-10')).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobSucceeded',
    ]);
    expect(entered(execution.events)).not.toContain(STATES.timeOutRun);
  });

  it('retries a start the backend is too busy for, and a Lambda throttle, then runs the job', async () => {
    const backend = new ScriptedBackend({ starts: ['busy', 'busy', 'ok'] });
    harness = await jobManagerHarness({ backend, throttles: { [STATES.startJob]: 1 } });
    await harness.registerPool();
    await harness.submit('job-2');
    const execution = harness.start('job-2');
    await execution.parked;
    await harness.schedule();

    await execution.result;
    await execution.done;
    const retries = execution.events.filter((e) => e.type === 'StateRetried');
    expect(
      retries.map(
        (e) => (e as { retry: { retrier: { ErrorEquals: string[] } } }).retry.retrier.ErrorEquals[0],
      ),
    ).toEqual(['Lambda.ServiceException', 'BackendBusyError', 'BackendBusyError']);
    expect(harness.invocations.filter((name) => name === STATES.startJob)).toHaveLength(4);
    expect(backend.starts).toHaveLength(1);
    expect(await harness.jobEvents('job-2')).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobSucceeded',
    ]);
  });

  it('records a run the backend reports failed as JobFailed, and the execution ends Reported', async () => {
    const backend = new ScriptedBackend({
      statuses: [{ state: 'running' }, { state: 'failed', reason: 'OOM in stage 3', retryable: false }],
    });
    harness = await jobManagerHarness({ backend });
    await harness.registerPool();
    await harness.submit('job-3');
    const execution = harness.start('job-3');
    await execution.parked;
    await harness.schedule();

    const output = (await execution.result) as {
      poll: { status: { state: string } };
      report: { recorded: boolean };
    };
    expect(output.poll.status.state).toBe('failed');
    expect(output.report.recorded).toBe(true);
    expect(await harness.jobEvents('job-3')).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobFailed',
    ]);
    const failed = (await harness.store.readStream('job-job-3')).events.at(-1)!;
    expect(failed.data).toMatchObject({ error: 'OOM in stage 3', retryable: false });
    expect((await harness.poolEvents()).map((e) => e.type)).toContain('CapacityReleased');
  });

  it('fails the job through Catch and ReportFailure when the backend rejects the start', async () => {
    const backend = new ScriptedBackend({ starts: ['rejected'] });
    harness = await jobManagerHarness({ backend });
    await harness.registerPool();
    await harness.submit('job-4');
    const execution = harness.start('job-4');
    await execution.parked;
    await harness.schedule();

    const failure = await failureOf(execution.result);
    await execution.done;
    expect(failure.name).toBe('JobFailed');
    expect(entered(execution.events).slice(-3)).toEqual([
      STATES.reportFailure,
      STATES.failureRecorded,
      STATES.jobFailed,
    ]);
    expect(await harness.jobEvents('job-4')).toEqual(['JobSubmitted', 'JobAdmitted', 'JobFailed']);
    const failed = (await harness.store.readStream('job-job-4')).events.at(-1)!;
    expect(failed.data).toMatchObject({ retryable: false });
    expect(String((failed.data as { error: string }).error)).toMatch(/^BackendRejectedError: /);
    expect((await harness.poolEvents()).map((e) => e.type)).toEqual([
      'PoolRegistered',
      'CapacityReserved',
      'CapacityReleased',
    ]);
  });

  it('ends a job nobody admitted in AdmissionTimedOut without recording anything against it', async () => {
    harness = await jobManagerHarness({
      backend: new ScriptedBackend(),
      timings: { admissionTimeoutSeconds: 1 },
    });
    await harness.submit('job-5');
    const execution = harness.start('job-5');

    const failure = await failureOf(execution.result);
    await execution.done;
    expect(failure.name).toBe('AdmissionTimedOut');
    expect(entered(execution.events)).toEqual([
      STATES.requestAdmission,
      STATES.reportAdmissionTimeout,
      STATES.admittedMeanwhile,
      STATES.admissionTimedOut,
    ]);
    // Still queued, still in line: the wait timed out, the job did not fail.
    expect(await harness.jobEvents('job-5')).toEqual(['JobSubmitted']);
    expect((await loadJob(harness.store, 'job-5')).state.status).toBe('queued');
  });

  it('treats a lost heartbeat like a timed-out wait', async () => {
    harness = await jobManagerHarness({ backend: new ScriptedBackend(), heartbeatMs: 100 });
    await harness.submit('job-6');
    const execution = harness.start('job-6');

    const failure = await failureOf(execution.result);
    expect(failure.name).toBe('AdmissionTimedOut');
    expect(await harness.jobEvents('job-6')).toEqual(['JobSubmitted']);
  });

  it('releases the reservation of a job admitted just as its wait timed out', async () => {
    harness = await jobManagerHarness({
      backend: new ScriptedBackend(),
      timings: { admissionTimeoutSeconds: 1 },
    });
    await harness.registerPool();
    await harness.submit('job-7');
    const execution = harness.start('job-7');
    await execution.parked;
    // Admitted, but the answer never reaches the execution (the token was closed by the timeout).
    expect(await harness.scheduleWithoutAnswering()).toEqual(['job-7']);

    const failure = await failureOf(execution.result);
    expect(failure.name).toBe('JobFailed');
    expect(await harness.jobEvents('job-7')).toEqual(['JobSubmitted', 'JobAdmitted', 'JobFailed']);
    expect((await harness.poolEvents()).map((e) => e.type)).toEqual([
      'PoolRegistered',
      'CapacityReserved',
      'CapacityReleased',
    ]);
  });

  it('ends without recording when the job is cancelled while it waits', async () => {
    harness = await jobManagerHarness({ backend: new ScriptedBackend() });
    await harness.submit('job-8');
    const execution = harness.start('job-8');
    await execution.parked;
    const { handleJobCommand, answerWaitingExecutions } = await import('@sluice/scheduler');
    await handleJobCommand(
      harness.store,
      'job-8',
      { type: 'CancelJob', reason: 'pipeline gave up' },
      harness.deps.context('pipeline'),
    );
    const cancelled = (await harness.store.readStream('job-job-8')).events;
    await answerWaitingExecutions(harness.deps, cancelled);

    const failure = await failureOf(execution.result);
    expect(failure.name).toBe('JobNotRunnable');
    expect(entered(execution.events).slice(-3)).toEqual([
      STATES.reportFailure,
      STATES.failureRecorded,
      STATES.nothingRecorded,
    ]);
    expect(await harness.jobEvents('job-8')).toEqual(['JobSubmitted', 'JobCancelled']);
  });
});
