import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@sluice/adapters';
import { allViews, jobStreamId, poolStreamId, sequentialEventIds, type NewEvent } from '@sluice/domain';
import {
  ProjectionRunner,
  SchedulerReactor,
  createSluicePolicy,
  handleJobCommand,
  handlePoolCommand,
  submitJobs,
  type CommandContext,
} from '@sluice/scheduler';

const t0 = Date.UTC(2026, 0, 1);

async function seededStore(jobs: number, runsCapacity: number) {
  const store = new SqliteEventStore({
    filename: ':memory:',
    durability: 'normal',
    maxEventsPerAppend: 10_000,
  });
  const nextId = sequentialEventIds(t0);
  const ctx = (actor: string): CommandContext => ({
    now: new Date(t0).toISOString(),
    actor,
    newEventId: nextId,
  });
  for (let p = 0; p < 10; p++) {
    await handlePoolCommand(
      store,
      `p${p}`,
      {
        type: 'RegisterPool',
        data: {
          poolId: `p${p}`,
          backend: 'glue',
          capacity: { runs: runsCapacity },
          quotas: { runs: runsCapacity },
        },
      },
      ctx('bench'),
    );
  }
  const batch = Array.from({ length: jobs }, (_, j) => ({
    jobId: `j${j}`,
    source: `s${j % 20}`,
    dataset: 'd',
    priorityClass: 'normal',
    priority: 100,
    demand: { runs: 1 },
    backend: 'glue' as const,
    spec: {},
    pools: [`p${j % 10}`],
  }));
  for (let i = 0; i < batch.length; i += 1000)
    await submitJobs(store, batch.slice(i, i + 1000), ctx('bench'));
  return { store, nextId, ctx };
}

/**
 * End-to-end admissions per second on the embedded store (cycle + guarded atomic writes), against
 * the raw rate of appending the same two-stream atomic appends without any scheduling, in one run.
 */
export async function benchAdmissions(jobs: number): Promise<void> {
  const raw = await seededStore(jobs, jobs);
  const rawStart = performance.now();
  for (let j = 0; j < jobs; j++) {
    const ev = (type: string, data: unknown) =>
      ({
        eventId: raw.nextId(),
        type,
        data,
        occurredAt: new Date(t0).toISOString(),
        actor: 'bench',
      }) as NewEvent;
    await raw.store.appendAtomically([
      {
        streamId: jobStreamId(`j${j}`),
        expectedVersion: 1,
        events: [
          ev('JobAdmitted', {
            jobId: `j${j}`,
            poolId: `p${j % 10}`,
            reservation: { runs: 1 },
            reason: 'raw',
          }),
        ],
      },
      {
        streamId: poolStreamId(`p${j % 10}`),
        expectedVersion: 'any',
        events: [ev('CapacityReserved', { poolId: `p${j % 10}`, jobId: `j${j}`, demand: { runs: 1 } })],
      },
    ]);
  }
  const rawSeconds = (performance.now() - rawStart) / 1000;
  await raw.store.close();

  const { store, nextId } = await seededStore(jobs, jobs);
  const views = await ProjectionRunner.start(store, allViews());
  const reactor = new SchedulerReactor({
    store,
    policy: createSluicePolicy({ maxReasons: 200 }),
    views,
    instanceId: 'bench',
    clock: () => new Date(t0 + 60_000),
    newEventId: nextId,
  });
  const start = performance.now();
  const report = await reactor.runCycle();
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  console.log(
    `\nAdmissions end-to-end on the embedded store (${jobs.toLocaleString('en-US')} queued, all fit)`,
  );
  console.log(
    `raw atomic job+pool appends (baseline)  ${Math.round(jobs / rawSeconds).toLocaleString('en-US')} /s`,
  );
  console.log(
    `reactor cycle: admitted ${report.admitted.length.toLocaleString('en-US')} in ${seconds.toFixed(2)} s = ${Math.round(report.admitted.length / seconds).toLocaleString('en-US')} admissions/s (${(report.admitted.length / seconds / (jobs / rawSeconds)).toFixed(2)}x of raw)`,
  );
}

/**
 * Time from a finished job's append (capacity freed) to the next job's admission, with the reactor
 * woken by the notification path the local runtime uses; baseline: the finishing append alone.
 */
export async function benchFreedToAdmitted(iterations: number): Promise<void> {
  const { store, nextId } = await seededStore(iterations + 1, 1);
  const views = await ProjectionRunner.start(store, allViews());
  const reactor = new SchedulerReactor({
    store,
    policy: createSluicePolicy({ maxReasons: 200 }),
    views,
    instanceId: 'bench',
    clock: () => new Date(t0 + 60_000),
    newEventId: nextId,
  });
  await reactor.runCycle();
  const ctx: CommandContext = {
    now: new Date(t0 + 60_000).toISOString(),
    actor: 'bench',
    newEventId: nextId,
  };
  const appendMs: number[] = [];
  const latencyMs: number[] = [];
  let after = (await store.readAll({ after: 0, limit: 1_000_000 })).lastPosition;
  for (let i = 0; i < iterations; i++) {
    await views.catchUp();
    const running = Object.values(views.state.queue.inFlight).find((j) => j.startedAt === undefined)!;
    await handleJobCommand(store, running.jobId, { type: 'StartJob', runId: `r${i}` }, ctx);
    const start = performance.now();
    await handleJobCommand(store, running.jobId, { type: 'CompleteJob' }, ctx);
    appendMs.push(performance.now() - start);
    const page = await store.readAll({ after, limit: 1000 });
    after = page.lastPosition;
    await reactor.notify(page.events);
    await reactor.idle();
    latencyMs.push(performance.now() - start);
  }
  await store.close();
  const q = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  console.log(
    `\nCapacity freed -> next admission (${iterations} iterations, 10 pools, ${iterations} queued)`,
  );
  console.log(
    `finishing append alone (baseline)   p50 ${q(appendMs, 0.5).toFixed(2)} ms  p99 ${q(appendMs, 0.99).toFixed(2)} ms`,
  );
  console.log(
    `freed -> admitted (notify + cycle)  p50 ${q(latencyMs, 0.5).toFixed(2)} ms  p99 ${q(latencyMs, 0.99).toFixed(2)} ms  (${(q(latencyMs, 0.5) / q(appendMs, 0.5)).toFixed(1)}x)`,
  );
}
