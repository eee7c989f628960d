import { jobStreamId } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { handleJobCommand } from '../commands/jobCommands';
import { storeWithAdmittedJobs } from '../testing/admittedJobs';
import { ManualBackend } from '../testing/manualBackend';
import { getJobStatus, startJob, timeOutRun, type JobManagerDeps } from './jobManagerTasks';

/** The tasks as either job manager runs them, on a job started with a 60 s limit, now 90 s in. */
async function overrunJob() {
  const fixture = await storeWithAdmittedJobs([{ jobId: 'j1', timeoutSeconds: 60 }]);
  const backend = new ManualBackend();
  const deps: JobManagerDeps = {
    store: fixture.store,
    backends: { glue: backend },
    context: fixture.context,
    clockMs: fixture.clockMs,
  };
  const { runId } = await startJob(deps, { jobId: 'j1' });
  fixture.advance(90_000);
  const jobTypes = async () => (await fixture.store.readStream(jobStreamId('j1'))).events.map((e) => e.type);
  return { ...fixture, backend, deps, runId, jobTypes };
}

describe('job-manager time-out tasks', () => {
  it('GetJobStatus gives a timed-out verdict, not done, for a run still going past its limit', async () => {
    const { deps, runId } = await overrunJob();
    expect(await getJobStatus(deps, { jobId: 'j1', runId })).toEqual({
      jobId: 'j1',
      runId,
      state: 'running',
      done: false,
      timedOut: true,
      afterSeconds: 90,
    });
  });

  it('GetJobStatus reads the time from the command context when no clock is given, as in the cloud', async () => {
    const { deps, runId } = await overrunJob();
    const { clockMs: _clockMs, ...cloud } = deps;
    expect(await getJobStatus(cloud, { jobId: 'j1', runId })).toMatchObject({
      timedOut: true,
      afterSeconds: 90,
    });
  });

  it('TimeOutRun leaves a job that finished meanwhile alone: no stop sent, nothing recorded', async () => {
    const { deps, runId, backend, store, context, jobTypes } = await overrunJob();
    expect((await getJobStatus(deps, { jobId: 'j1', runId })).timedOut).toBe(true);
    await handleJobCommand(store, 'j1', { type: 'CompleteJob', runId }, context('reconciler'));
    expect(await timeOutRun(deps, { jobId: 'j1', runId, afterSeconds: 90 })).toEqual({
      jobId: 'j1',
      recorded: false,
    });
    expect(backend.cancels).toEqual([]);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobSucceeded']);
  });

  it('TimeOutRun retried after it recorded (a Lambda retry) succeeds without a second stop or event', async () => {
    const { deps, runId, backend, jobTypes } = await overrunJob();
    const input = { jobId: 'j1', runId, afterSeconds: 90 };
    expect(await timeOutRun(deps, input)).toEqual({ jobId: 'j1', recorded: true });
    expect(await timeOutRun(deps, input)).toEqual({ jobId: 'j1', recorded: false });
    expect(backend.cancels).toEqual([runId]);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobTimedOut']);
  });
});
