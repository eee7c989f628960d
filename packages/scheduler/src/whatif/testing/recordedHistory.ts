import { allViews, sequentialEventIds, type StoredEvent } from '@sluice/domain';
import { InMemoryEventStore } from '@sluice/domain/testing';
import { handleJobCommand } from '../../commands/jobCommands';
import { setSharePolicy } from '../../commands/policyCommands';
import { handlePoolCommand } from '../../commands/poolCommands';
import { submitJob } from '../../commands/submitCommands';
import type { CommandContext } from '../../commands/commandContext';
import { sluicePolicy } from '../../policy/sluicePolicy';
import { trackPendingIndex } from '../../projections/pendingIndexing';
import { ProjectionRunner } from '../../projections/projectionRunner';
import { SchedulerReactor } from '../../reactor/schedulerReactor';
import { completionQueue } from '../../simulation/engine/completionQueue';
import { seededRandom } from '../../simulation/random/seededRandom';

export const HISTORY_START_MS = Date.UTC(2026, 2, 2, 9);
export const SOURCES = ['ingest', 'reports', 'ml'] as const;

export interface RecordedHistoryOptions {
  jobs: number;
  seed?: number;
  /** Mean seconds between submissions: smaller means a longer queue. */
  meanGapSeconds?: number;
}

type Action =
  | { kind: 'submit'; job: number }
  | { kind: 'start'; jobId: string }
  | { kind: 'end'; jobId: string; fail: boolean }
  | { kind: 'cancel'; jobId: string }
  | { kind: 'quota'; runs: number }
  | { kind: 'report'; vcpu: number };

/**
 * A history recorded the way the live system records it: every event through the command handlers,
 * admissions by a real `SchedulerReactor` running Sluice's policy on caught-up views, a runner that
 * starts each admitted job two seconds later and reports it after its run time (a few fail, one in
 * fifty pending jobs is cancelled by its user), a quota change and capacity reports on the way.
 * Time is a manual clock that jumps from one action to the next, so thousands of jobs take seconds.
 */
export async function recordedHistory(options: RecordedHistoryOptions): Promise<StoredEvent[]> {
  const random = seededRandom(options.seed ?? 7);
  const gap = options.meanGapSeconds ?? 20;
  let nowMs = HISTORY_START_MS;
  const clock = () => new Date(nowMs);
  const store = new InMemoryEventStore({ now: clock });
  const newEventId = sequentialEventIds(HISTORY_START_MS);
  const ctx = (actor: string): CommandContext => ({ now: clock().toISOString(), actor, newEventId });
  const indexing = trackPendingIndex(allViews());
  const views = await ProjectionRunner.start(store, indexing.projection);
  const reactor = new SchedulerReactor({
    store,
    policy: sluicePolicy,
    views,
    pendingIndex: indexing.indexOf,
    instanceId: 'recorder',
    clock,
    newEventId,
  });

  await handlePoolCommand(store, 'batch', { type: 'RegisterPool', data: { poolId: 'batch', backend: 'simulated', capacity: { vcpu: 32, runs: 12 }, quotas: {} } }, ctx('operator'));
  await handlePoolCommand(store, 'spot', { type: 'RegisterPool', data: { poolId: 'spot', backend: 'simulated', capacity: { vcpu: 16 }, quotas: { runs: 6 } } }, ctx('operator'));
  await setSharePolicy(store, { shares: { ingest: 2, reports: 1, ml: 1 }, classes: { high: 500, normal: 100, low: 50 }, halfLifeSeconds: 3600 }, ctx('operator'));

  const runSeconds = new Map<string, number>();
  const actions: Action[] = [];
  const due = completionQueue();
  const schedule = (atMs: number, action: Action) => {
    actions.push(action);
    due.push(atMs, actions.length - 1);
  };
  let arrival = HISTORY_START_MS;
  for (let job = 0; job < options.jobs; job++) {
    arrival += Math.round(-Math.log(1 - random.next()) * gap * 1000);
    schedule(arrival, { kind: 'submit', job });
  }
  schedule(HISTORY_START_MS + Math.round(options.jobs * gap * 400), { kind: 'quota', runs: 4 });
  for (let k = 1; k <= 4; k++) schedule(HISTORY_START_MS + Math.round(options.jobs * gap * 250 * k), { kind: 'report', vcpu: 4 * k });

  const act = async (action: Action) => {
    switch (action.kind) {
      case 'submit': {
        const jobId = `job-${String(action.job).padStart(5, '0')}`;
        const source = random.pick(SOURCES);
        const priorityClass = random.next() < 0.15 ? 'high' : random.next() < 0.3 ? 'low' : 'normal';
        runSeconds.set(jobId, random.int(30, 900));
        await submitJob(
          store,
          {
            jobId,
            source,
            dataset: `${source}-${random.int(1, 4)}`,
            priorityClass,
            priority: { high: 500, normal: 100, low: 50 }[priorityClass]!,
            demand: { vcpu: random.int(1, 6), runs: 1 },
            backend: 'simulated',
            spec: {},
            pools: random.next() < 0.5 ? ['batch', 'spot'] : ['batch'],
          },
          ctx(`pipeline:${source}`),
        );
        if (random.next() < 0.02) schedule(nowMs + random.int(5, 120) * 1000, { kind: 'cancel', jobId });
        return;
      }
      case 'start':
        await handleJobCommand(store, action.jobId, { type: 'StartJob', runId: `run-${action.jobId}` }, ctx('runner'));
        schedule(nowMs + runSeconds.get(action.jobId)! * 1000, { kind: 'end', jobId: action.jobId, fail: random.next() < 0.03 });
        return;
      case 'end':
        await handleJobCommand(
          store,
          action.jobId,
          action.fail ? { type: 'FailJob', error: 'exit 1', retryable: false, now: clock().toISOString() } : { type: 'CompleteJob' },
          ctx('runner'),
        );
        return;
      case 'cancel':
        await views.catchUp();
        if (views.state.queue.pending[action.jobId]) await handleJobCommand(store, action.jobId, { type: 'CancelJob', reason: 'not needed any more' }, ctx('user'));
        return;
      case 'quota':
        await handlePoolCommand(store, 'spot', { type: 'ChangeQuota', quotas: { runs: action.runs }, reason: 'account limit lowered' }, ctx('operator'));
        return;
      case 'report':
        await handlePoolCommand(store, 'batch', { type: 'ReportCapacity', observed: { vcpu: action.vcpu } }, ctx('monitor'));
        return;
    }
  };

  while (due.size > 0) {
    nowMs = due.peekAt();
    while (due.peekAt() === nowMs) await act(actions[due.pop()!.jobIndex]!);
    // The live reactor wakes on each of these events; one cycle per instant is what it would run.
    nowMs += 5;
    const cycle = await reactor.runCycle();
    for (const jobId of cycle.admitted) schedule(nowMs + 2000, { kind: 'start', jobId });
  }
  const { events } = await store.readAll({ limit: 10_000_000 });
  await store.close();
  return events;
}
