import {
  SqliteCheckpointStore,
  SqliteEventStore,
  simulatedBackends,
  type DurationDistribution,
} from '@sluice/adapters';
import {
  ViewKeyVerifier,
  createApp,
  createLogger,
  newUlidFactory,
  serveNode,
} from '@sluice/api';
import { allViews, type StoredEvent } from '@sluice/domain';
import {
  JobRunner,
  ProjectionReadModel,
  ProjectionRunner,
  trackPendingIndex,
  SchedulerReactor,
  sluicePolicy,
  type CommandContext,
} from '@sluice/scheduler';
import { describeActivity } from './activityLog';
import { localAdminSecret, registerAdminKey } from './adminKey';
import { eventsFile } from './dataDir';
import { DemoFeeder, prepareDemo } from './demoFeeder';
import { lockDataDir, type DataDirLock } from './dataDirLock';
import { EventPump } from './eventPump';

export interface LocalRuntimeOptions {
  dataDir: string;
  port: number;
  demo: { jobs: number; burst: number; perTick: number; seed: number } | false;
  /** How often the feed is followed and running jobs are polled. */
  pollMs?: number;
  /** The scheduler's safety tick. */
  tickMs?: number;
  quiet?: boolean;
  print?: (line: string) => void;
  /** How long simulated runs take (tests use short ones). */
  runMs?: DurationDistribution;
  /** Share of simulated runs that fail, retryable or not. */
  failureRates?: { retryable?: number; permanent?: number };
}

export interface LocalRuntime {
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

/**
 * Sluice in one process on the embedded store: the HTTP API, the projections, the scheduler
 * reactor and the job runner with simulated backends. Everything it knows is in the store, so a
 * restart resumes where the last run stopped: nothing lost, nothing run twice.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const print = options.print ?? ((line: string) => console.log(line));
  const lock = lockDataDir(options.dataDir);
  try {
    return await startLocked(options, print, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLocked(
  options: LocalRuntimeOptions,
  print: (line: string) => void,
  lock: DataDirLock,
): Promise<LocalRuntime> {
  const file = eventsFile(options.dataDir);
  const store = new SqliteEventStore({ filename: file });
  const checkpoints = new SqliteCheckpointStore(file);
  const newId = newUlidFactory();
  const context = (actor: string): CommandContext => ({
    now: new Date().toISOString(),
    actor,
    newEventId: newId,
  });

  const adminKey = localAdminSecret(options.dataDir);
  await registerAdminKey(store, adminKey, context('local-runtime'));
  if (options.demo) await prepareDemo(store, context);

  const readModel = await ProjectionReadModel.start(store, { checkpoints });
  const app = createApp({
    store,
    readModel,
    keys: new ViewKeyVerifier(readModel),
    clock: () => new Date(),
    newId,
    logger: createLogger({ level: options.quiet ? 'silent' : 'warn', name: 'sluice-api' }),
    policy: sluicePolicy,
  });
  const server = await serveNode(app, { port: options.port });
  lock.announce(server.url);

  const indexing = trackPendingIndex(allViews());
  const views = await ProjectionRunner.start(store, indexing.projection, { checkpoints });
  const reactor = new SchedulerReactor({
    store,
    policy: sluicePolicy,
    views,
    pendingIndex: indexing.indexOf,
    instanceId: 'local',
    clock: () => new Date(),
    newEventId: newId,
  });
  const backends = simulatedBackends({
    clock: () => Date.now(),
    seed: options.demo ? options.demo.seed : 1,
    runMs: options.runMs ?? { kind: 'uniform', minMs: 4_000, maxMs: 20_000 },
    startupMs: { kind: 'uniform', minMs: 100, maxMs: 1_000 },
    failureRates: options.failureRates ?? { retryable: 0.08, permanent: 0.02 },
    startRefusalRates: { busy: 0.03 },
    adoptUnknownRuns: true,
  });
  const runner = new JobRunner({
    store,
    backends,
    context,
    clockMs: () => Date.now(),
    onError: (jobId, error) => print(`runner: ${jobId}: ${(error as Error).message}`),
  });
  runner.resume(views.state.jobs);

  const logActivity = (events: StoredEvent[]) => {
    if (options.quiet) return;
    for (const event of events) {
      const line = describeActivity(event);
      if (line) print(`${event.recordedAt.slice(11, 19)}  ${line}`);
    }
  };
  const pump = new EventPump(store, views.checkpoint, [
    logActivity,
    (events) => runner.observe(events),
    (events) =>
      void reactor.notify(events)?.catch((error: unknown) => print(`scheduler: ${(error as Error).message}`)),
  ]);
  // A store with jobs in it is resumed as it is; the demo only seeds a new one.
  const fresh = Object.keys(views.state.jobs.jobs).length === 0;
  if (!fresh && !options.quiet)
    print(
      `resuming: ${runner.activeJobs} jobs admitted or running, ${Object.keys(views.state.queue.pending).length} queued`,
    );
  const feeder =
    options.demo && fresh
      ? new DemoFeeder(store, context, () => newId(), options.demo.jobs, options.demo.seed)
      : undefined;
  if (feeder && options.demo) await feeder.submit(options.demo.burst);

  let stopped = false;
  let loop: Promise<void> = Promise.resolve();
  const pollMs = options.pollMs ?? 250;
  const step = async () => {
    await pump.poll();
    await runner.tick();
    if (feeder && options.demo) await feeder.submit(options.demo.perTick);
  };
  const schedule = () => {
    if (stopped) return;
    loop = step()
      .catch((error: unknown) => print(`local runtime: ${(error as Error).message}`))
      .then(() => {
        if (!stopped) timer = setTimeout(schedule, pollMs);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(schedule, 0);
  reactor.start(options.tickMs ?? 5_000);
  await reactor.requestCycle().catch((error: unknown) => print(`scheduler: ${(error as Error).message}`));

  return {
    url: server.url,
    adminKey,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      reactor.stop();
      await loop;
      await reactor.idle();
      await server.close();
      await store.close();
      checkpoints.close();
      lock.release();
    },
  };
}
