import {
  MAX_RECORDED_REASONS,
  type EventStore,
  type StoredEvent,
  type Views,
} from '@sluice/domain';
import type { CommandContext } from '../commands/commandContext';
import { recordAdmissionCycle } from '../commands/recordAdmissionCycle';
import type { ProjectionRunner } from '../projections/projectionRunner';
import type { PendingIndex } from '../policy/pendingIndex';
import type { CycleResult, SchedulingPolicy } from '../policy/snapshot';
import { snapshotOf } from './snapshotOf';
import { wakesScheduler } from './wakeEvents';
import { writeDecisions, type WriteOutcome } from './writeDecisions';

export interface SchedulerReactorOptions {
  store: EventStore;
  policy: SchedulingPolicy;
  views: ProjectionRunner<Views>;
  /** The views' pending index (see `trackPendingIndex`): cycles then read the queue in order, unsorted. */
  pendingIndex?: (views: Views) => PendingIndex;
  /** Identifies this scheduler in events; several may run at once. */
  instanceId: string;
  /** The edge supplies time and ids; the policy itself never reads a clock. */
  clock: () => Date;
  newEventId: () => string;
  /** Re-plans after a conflict at most this many times per cycle. */
  maxReplans?: number;
  onCycle?: (report: CycleReport) => void;
}

export interface CycleReport {
  cycleId: string;
  now: string;
  admitted: string[];
  cancelled: string[];
  pending: number;
  replans: number;
  refused: WriteOutcome['refused'];
}

/**
 * Runs admission cycles when something that can let a job in happens (and on a safety tick):
 * catch the views up, snapshot, ask the policy, write its decisions. A conflict means another
 * scheduler wrote first; the cycle re-reads and plans again, so racing schedulers never pass a
 * quota or admit a job twice: the stores' version guards decide who wins.
 */
export class SchedulerReactor {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private cycleCounter = 0;
  private lastPendingSignature = '';

  constructor(private readonly options: SchedulerReactorOptions) {}

  /** Feeds events seen elsewhere (a store subscription, a stream batch); cycles if any matter. */
  notify(events: Pick<StoredEvent, 'type'>[]): Promise<void> | undefined {
    return events.some((e) => wakesScheduler(e.type)) ? this.requestCycle() : undefined;
  }

  /** Runs a cycle now, or once more right after the one in progress. */
  requestCycle(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.runCycle();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Starts the periodic safety tick, which catches what no notification reported. */
  start(tickMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.requestCycle().catch(() => undefined), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for the cycle in progress, if any. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async runCycle(): Promise<CycleReport> {
    const { store, policy, views, clock, instanceId } = this.options;
    const maxReplans = this.options.maxReplans ?? 20;
    const admitted: string[] = [];
    const cancelled: string[] = [];
    const refused: WriteOutcome['refused'] = [];
    let result: CycleResult;
    let replans = 0;
    let now: string;
    const cycleId = `${instanceId}:${++this.cycleCounter}`;
    for (;;) {
      await views.catchUp();
      now = clock().toISOString();
      result = policy.cycle(snapshotOf(views.state, now, this.options.pendingIndex?.(views.state)));
      const ctx: CommandContext & { cycleId: string } = { now, actor: `scheduler:${instanceId}`, newEventId: this.options.newEventId, cycleId };
      const outcome = await writeDecisions(store, result, views.state, ctx);
      admitted.push(...outcome.admitted);
      cancelled.push(...outcome.cancelled);
      refused.push(...outcome.refused);
      if (!outcome.conflicted || replans >= maxReplans) break;
      replans += 1;
      // Schedulers that collided would collide again in lockstep: spread their next attempts.
      await sleep(Math.random() * Math.min(200, 5 * 2 ** replans));
    }
    const snapshotPosition = views.checkpoint;
    await this.record({ cycleId, now, admitted, cancelled, result, snapshotPosition });
    const report: CycleReport = { cycleId, now, admitted, cancelled, pending: result.pending.length, replans, refused };
    this.options.onCycle?.(report);
    return report;
  }

  /** Records the cycle when it changed something or the reasons jobs wait changed. */
  private async record(cycle: {
    cycleId: string;
    now: string;
    admitted: string[];
    cancelled: string[];
    result: CycleResult;
    snapshotPosition: number;
  }): Promise<void> {
    const pending = cycle.result.pending.slice(0, MAX_RECORDED_REASONS).map(({ jobId, code, reason }) => ({ jobId, code, reason }));
    const signature = pending.map((w) => `${w.jobId}:${w.code}`).join(',');
    if (cycle.admitted.length === 0 && cycle.cancelled.length === 0 && signature === this.lastPendingSignature) return;
    this.lastPendingSignature = signature;
    const ctx: CommandContext = { now: cycle.now, actor: `scheduler:${this.options.instanceId}`, newEventId: this.options.newEventId };
    await recordAdmissionCycle(
      this.options.store,
      {
        cycleId: cycle.cycleId,
        scheduler: this.options.instanceId,
        now: cycle.now,
        snapshotPosition: cycle.snapshotPosition,
        admitted: cycle.admitted,
        cancelled: cycle.cancelled,
        pending,
        pendingTotal: cycle.result.pending.length,
      },
      ctx,
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
