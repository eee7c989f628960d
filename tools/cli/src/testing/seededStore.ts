import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@sluice/adapters';
import { allViews, type StoredEvent } from '@sluice/domain';
import {
  ProjectionRunner,
  SchedulerReactor,
  handleJobCommand,
  handlePoolCommand,
  sluicePolicy,
  submitJob,
  type CommandContext,
} from '@sluice/scheduler';
import { monotonicFactory } from 'ulid';

export const START = Date.parse('2026-03-02T09:00:00.000Z');

/** Time that moves only when the seed says so, so `--until` can fall between two known steps. */
export function manualClock(startMs = START) {
  let nowMs = startMs;
  return {
    now: () => new Date(nowMs),
    iso: () => new Date(nowMs).toISOString(),
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

export interface Seeded {
  dir: string;
  /** A time after the first cycle and before the second job batch. */
  midway: string;
  /** Jobs by role: two admitted in cycle 1, two that wait on the pool's run quota, one added later. */
  jobs: { first: string[]; waiting: string[]; late: string };
  events(): Promise<StoredEvent[]>;
  remove(): void;
}

const job = (jobId: string, priorityClass = 'normal', priority = 100) => ({
  jobId,
  source: 'ingest-team',
  dataset: 'orders',
  priorityClass,
  priority,
  demand: { runs: 1, dpu: 4 },
  backend: 'glue' as const,
  pools: ['glue-prod'],
  spec: { jobName: 'etl' },
  estimateSeconds: 600,
});

/**
 * A store written only through the lifecycle handlers and a real scheduler reactor with Sluice's
 * policy: a Glue pool with room for two runs, four jobs (two wait), one job finishing, a late
 * submission, and the cycles in between, so the log holds genuine AdmissionCycleCompleted events.
 */
export async function seedStore(): Promise<Seeded> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-cli-'));
  const clock = manualClock();
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), now: clock.now, durability: 'normal' });
  const nextId = monotonicFactory();
  const ctx = (actor: string): CommandContext => ({ now: clock.iso(), actor, newEventId: () => nextId(clock.now().getTime()) });
  const views = await ProjectionRunner.start(store, allViews());
  const reactor = new SchedulerReactor({
    store,
    policy: sluicePolicy,
    views,
    instanceId: 'seed',
    clock: clock.now,
    newEventId: () => nextId(clock.now().getTime()),
  });

  await handlePoolCommand(
    store,
    'glue-prod',
    {
      type: 'RegisterPool',
      data: { poolId: 'glue-prod', backend: 'glue', capacity: { runs: 2, dpu: 100 }, quotas: { runs: 2 } },
    },
    ctx('test'),
  );
  const first = ['job-a', 'job-b'];
  const waiting = ['job-c', 'job-d'];
  for (const id of [...first, ...waiting]) {
    clock.advance(1000);
    await submitJob(store, job(id), ctx('pipeline'));
  }
  clock.advance(1000);
  await reactor.runCycle();
  clock.advance(60_000);
  const midway = clock.iso();
  clock.advance(60_000);
  await submitJob(store, job('job-e', 'low', 50), ctx('pipeline'));
  clock.advance(1000);
  await reactor.runCycle();
  clock.advance(1000);
  await handleJobCommand(store, 'job-a', { type: 'StartJob', runId: 'run-a' }, ctx('runner'));
  clock.advance(30_000);
  await handleJobCommand(store, 'job-a', { type: 'CompleteJob', runId: 'run-a' }, ctx('runner'));
  clock.advance(1000);
  await reactor.runCycle();
  await store.close();

  return {
    dir,
    midway,
    jobs: { first, waiting, late: 'job-e' },
    events: async () => {
      const reader = new SqliteEventStore({ filename: join(dir, 'events.db') });
      const { events } = await reader.readAll({ limit: 1_000_000 });
      await reader.close();
      return events;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
