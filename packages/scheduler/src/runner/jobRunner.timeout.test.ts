import { allViews, jobStreamId, poolStreamId } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { ProjectionRunner } from '../projections/projectionRunner';
import { POOL_ID, storeWithAdmittedJobs } from '../testing/admittedJobs';
import { ManualBackend } from '../testing/manualBackend';
import { JobRunner } from './jobRunner';

const MINUTE = 60_000;

async function setup(job: { timeoutSeconds?: number } = { timeoutSeconds: 600 }) {
  const fixture = await storeWithAdmittedJobs([{ jobId: 'j1', ...job }]);
  const backend = new ManualBackend();
  const newRunner = () =>
    new JobRunner({
      store: fixture.store,
      backends: { glue: backend },
      context: fixture.context,
      clockMs: fixture.clockMs,
    });
  const runner = newRunner();
  runner.observe((await fixture.store.readAll({ limit: 1000 })).events);
  await runner.tick(); // starts the run
  const jobTypes = async () => (await fixture.store.readStream(jobStreamId('j1'))).events.map((e) => e.type);
  const poolEvents = async () => (await fixture.store.readStream(poolStreamId(POOL_ID))).events;
  return { ...fixture, backend, runner, newRunner, jobTypes, poolEvents };
}

describe('JobRunner run time-outs', () => {
  it('times out a run that outlasts timeoutSeconds: stops it at the backend and releases the capacity', async () => {
    const { backend, runner, advance, jobTypes, poolEvents, store } = await setup({ timeoutSeconds: 600 });
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted']);

    advance(10 * MINUTE); // exactly at the limit: not past it yet
    await runner.tick();
    expect(backend.cancels).toEqual([]);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted']);

    advance(1_000);
    await runner.tick();
    expect(backend.cancels).toEqual(['run-j1-1']);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobTimedOut']);
    const timedOut = (await store.readStream(jobStreamId('j1'))).events.at(-1)!;
    expect(timedOut.data).toEqual({ jobId: 'j1', afterSeconds: 601 });
    expect((await poolEvents()).at(-1)).toMatchObject({
      type: 'CapacityReleased',
      data: { jobId: 'j1', demand: { runs: 1 }, reason: 'timedOut' },
    });
    expect(runner.activeJobs).toBe(0);
  });

  it('reports a run that ends before its timeout as it ended, and never stops it', async () => {
    const { backend, runner, advance, jobTypes } = await setup({ timeoutSeconds: 600 });
    advance(9 * MINUTE);
    backend.end('run-j1-1', { state: 'succeeded' });
    await runner.tick();
    advance(60 * MINUTE);
    await runner.tick();
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobSucceeded']);
    expect(backend.cancels).toEqual([]);
  });

  it('reports a run that ended unnoticed past its timeout as it ended, not as timed out', async () => {
    const { backend, runner, advance, jobTypes } = await setup({ timeoutSeconds: 600 });
    backend.end('run-j1-1', { state: 'failed', reason: 'OOM in stage 3', retryable: false });
    advance(30 * MINUTE);
    await runner.tick();
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobFailed']);
    expect(backend.cancels).toEqual([]);
  });

  it('lets a job without timeoutSeconds run for as long as it runs', async () => {
    const { backend, runner, advance, jobTypes } = await setup({});
    advance(8 * 24 * 60 * MINUTE);
    await runner.tick();
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted']);
    expect(backend.cancels).toEqual([]);
    expect(runner.activeJobs).toBe(1);
  });

  it('measures the timeout from the start of the run, not from the submission', async () => {
    const fixture = await storeWithAdmittedJobs([{ jobId: 'j1', timeoutSeconds: 600 }]);
    const backend = new ManualBackend();
    const runner = new JobRunner({
      store: fixture.store,
      backends: { glue: backend },
      context: fixture.context,
      clockMs: fixture.clockMs,
    });
    runner.observe((await fixture.store.readAll({ limit: 1000 })).events);
    fixture.advance(30 * MINUTE); // admitted long before the runner started it
    await runner.tick();
    fixture.advance(9 * MINUTE);
    await runner.tick();
    expect(backend.cancels).toEqual([]);
    fixture.advance(2 * MINUTE);
    await runner.tick();
    expect(backend.cancels).toEqual(['run-j1-1']);
  });

  it('finishes a time-out that crashed after stopping the run: recorded once, on the restarted runner', async () => {
    const { backend, advance, jobTypes, poolEvents, store, newRunner } = await setup({ timeoutSeconds: 600 });
    advance(11 * MINUTE);
    // The crashed runner had stopped the run but not yet recorded the time-out.
    await backend.cancel('run-j1-1');
    const views = await ProjectionRunner.start(store, allViews());
    const restarted = newRunner();
    restarted.resume(views.state.jobs);
    await restarted.tick();
    await restarted.tick();
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobTimedOut']);
    expect((await poolEvents()).filter((e) => e.type === 'CapacityReleased')).toHaveLength(1);
    expect(restarted.activeJobs).toBe(0);

    // Restarted again after the time-out was recorded: nothing is left to track.
    const again = newRunner();
    again.resume((await ProjectionRunner.start(store, allViews())).state.jobs);
    expect(again.activeJobs).toBe(0);
  });

  it('records the time-out of a run the backend no longer knows', async () => {
    const { backend, runner, advance, jobTypes } = await setup({ timeoutSeconds: 60 });
    advance(2 * MINUTE);
    const status = backend.status.bind(backend);
    // The backend still answers the poll but has lost the run by the time it is stopped.
    backend.status = async (runId) => {
      const answer = await status(runId);
      backend.forget(runId);
      return answer;
    };
    await runner.tick();
    expect(backend.cancels).toEqual(['run-j1-1']);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobTimedOut']);
  });
});
