import { allViews, sequentialEventIds, type JobSubmittedData } from '@sluice/domain';
import { InMemoryEventStore } from '@sluice/domain/testing';
import { admitJob } from '../commands/admitJob';
import type { CommandContext } from '../commands/commandContext';
import { handlePoolCommand } from '../commands/poolCommands';
import { submitJob } from '../commands/submitCommands';
import { ProjectionRunner } from '../projections/projectionRunner';

export const POOL_ID = 'glue-prod';
export const START_MS = Date.UTC(2026, 2, 1);

/**
 * An in-memory store on a manual clock (the store's `recordedAt` and the commands' `now` both read
 * it) with one Glue pool and the given jobs submitted and admitted to it, as the scheduler would
 * have left them for the job manager.
 */
export async function storeWithAdmittedJobs(jobs: (Partial<JobSubmittedData> & { jobId: string })[]) {
  let nowMs = START_MS;
  const newEventId = sequentialEventIds(START_MS);
  const context = (actor: string): CommandContext => ({
    now: new Date(nowMs).toISOString(),
    actor,
    newEventId,
  });
  const store = new InMemoryEventStore({ now: () => new Date(nowMs) });
  await handlePoolCommand(
    store,
    POOL_ID,
    { type: 'RegisterPool', data: { poolId: POOL_ID, backend: 'glue', capacity: { runs: 10 }, quotas: {} } },
    context('operator'),
  );
  const views = await ProjectionRunner.start(store, allViews());
  for (const job of jobs) {
    await submitJob(
      store,
      {
        source: 'team-a',
        dataset: 'sales',
        priorityClass: 'normal',
        priority: 100,
        demand: { runs: 1 },
        backend: 'glue',
        spec: {},
        pools: [POOL_ID],
        ...job,
      },
      context('pipeline'),
    );
    await views.catchUp();
    const pool = views.state.capacity.pools[POOL_ID]!;
    await admitJob(
      store,
      {
        jobId: job.jobId,
        poolId: POOL_ID,
        reservation: { runs: 1 },
        reason: 'fits',
        jobStreamVersion: 1,
        poolStreamVersion: pool.streamVersion,
      },
      views.state.queue.pending[job.jobId]!,
      pool,
      context('scheduler'),
    );
    await views.catchUp();
  }
  return {
    store,
    context,
    clockMs: () => nowMs,
    advance: (ms: number) => void (nowMs += ms),
  };
}
