import { allViews, jobStreamId, poolStreamId, type AppendToStream } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { ProjectionRunner } from '../projections/projectionRunner';
import { POOL_ID, storeWithAdmittedJobs } from '../testing/admittedJobs';
import { handleJobCommand, timeOutJob } from './jobCommands';

/** The job admitted and started on `run-1`, as the runner leaves it before a time-out. */
async function runningJob() {
  const fixture = await storeWithAdmittedJobs([{ jobId: 'j1', timeoutSeconds: 60 }]);
  await handleJobCommand(
    fixture.store,
    'j1',
    { type: 'StartJob', runId: 'run-1' },
    fixture.context('runner'),
  );
  fixture.advance(61_000);
  const count = async () => (await fixture.store.readAll({ limit: 1000 })).events.length;
  const jobTypes = async () => (await fixture.store.readStream(jobStreamId('j1'))).events.map((e) => e.type);
  return { ...fixture, count, jobTypes };
}

const RUN = { runId: 'run-1', afterSeconds: 61 };

describe('timeOutJob', () => {
  it('records JobTimedOut and releases the reservation in the same append, as JobCancelled and JobFailed do', async () => {
    const { store, context, jobTypes } = await runningJob();
    const views = await ProjectionRunner.start(store, allViews());
    expect(views.state.capacity.pools[POOL_ID]!.reserved).toEqual({ runs: 1 });

    expect(await timeOutJob(store, 'j1', RUN, context('runner'))).toBe(true);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobTimedOut']);
    const released = (await store.readStream(poolStreamId(POOL_ID))).events.at(-1)!;
    expect(released).toMatchObject({
      type: 'CapacityReleased',
      data: { jobId: 'j1', demand: { runs: 1 }, reason: 'timedOut' },
    });
    const timedOut = (await store.readStream(jobStreamId('j1'))).events.at(-1)!;
    expect(released.position).toBe(timedOut.position + 1);
    await views.catchUp();
    expect(views.state.capacity.pools[POOL_ID]!.reserved).toEqual({ runs: 0 });
    expect(views.state.jobs.jobs.j1?.status).toBe('timedOut');
  });

  it('is a no-op when retried after it was recorded: no error, nothing appended twice', async () => {
    const { store, context, count } = await runningJob();
    expect(await timeOutJob(store, 'j1', RUN, context('runner'))).toBe(true);
    const recorded = await count();
    expect(await timeOutJob(store, 'j1', RUN, context('runner'))).toBe(false);
    expect(await count()).toBe(recorded);
  });

  it('leaves alone a job that finished meanwhile, and a run that is not the job current one', async () => {
    const { store, context, count, jobTypes } = await runningJob();
    expect(await timeOutJob(store, 'j1', { ...RUN, runId: 'run-0' }, context('runner'))).toBe(false);
    await handleJobCommand(store, 'j1', { type: 'CompleteJob', runId: 'run-1' }, context('runner'));
    const before = await count();
    expect(await timeOutJob(store, 'j1', RUN, context('runner'))).toBe(false);
    expect(await count()).toBe(before);
    expect(await jobTypes()).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobSucceeded']);
  });

  it('decides again on the newer state when another writer appends to the job first', async () => {
    const { store, context, jobTypes } = await runningJob();
    const append = store.appendAtomically.bind(store);
    let raced = false;
    store.appendAtomically = async (appends: AppendToStream[]) => {
      if (!raced) {
        raced = true;
        // An operator's cancellation request lands between the time-out's read and its append.
        await handleJobCommand(store, 'j1', { type: 'CancelJob', reason: 'operator' }, context('operator'));
      }
      return append(appends);
    };
    expect(await timeOutJob(store, 'j1', RUN, context('runner'))).toBe(true);
    expect(await jobTypes()).toEqual([
      'JobSubmitted',
      'JobAdmitted',
      'JobStarted',
      'JobCancellationRequested',
      'JobTimedOut',
    ]);
  });
});
