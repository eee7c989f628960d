import {
  sequentialEventIds,
  type EventInput,
  type JobStatus,
  type NewEvent,
  type ReleaseReason,
} from '../policy/domain';
import type { CycleResult, SchedulingSnapshot } from '../policy/snapshot';
import { eventLog, type EventLog } from './eventLog';

type DataOf<K extends EventInput['type']> = Extract<EventInput, { type: K }>['data'];
type JobInput = DataOf<'JobSubmitted'>;
type PoolInput = DataOf<'PoolRegistered'>;

/**
 * Builds scheduling snapshots from domain events: register pools, submit jobs, admit, start and
 * finish them, then take the snapshot at any instant. Each event happens `stepMs` (default one
 * second) after the previous one; `at` moves the clock.
 */
export interface SnapshotBuilder {
  readonly log: EventLog;
  at(iso: string): SnapshotBuilder;
  pool(poolId: string, overrides?: Partial<PoolInput>): SnapshotBuilder;
  submit(jobId: string, overrides?: Partial<JobInput>): SnapshotBuilder;
  policy(data: DataOf<'SharePolicySet'>): SnapshotBuilder;
  report(poolId: string, observed: DataOf<'PoolCapacityReported'>['observed']): SnapshotBuilder;
  quota(poolId: string, quotas: DataOf<'PoolQuotaChanged'>['quotas']): SnapshotBuilder;
  /** JobAdmitted plus the pool's CapacityReserved, as the admission writer appends them. */
  admit(jobId: string, poolId: string, reason?: string): SnapshotBuilder;
  start(jobId: string): SnapshotBuilder;
  /** Ends a job that holds a reservation and releases it. */
  finish(
    jobId: string,
    how?: Extract<ReleaseReason, 'succeeded' | 'cancelled' | 'timedOut'>,
  ): SnapshotBuilder;
  /** Fails a job that holds a reservation and releases it; with `retryAt`, schedules the next attempt then. */
  fail(jobId: string, retryAt?: string): SnapshotBuilder;
  cancelRequested(jobId: string): SnapshotBuilder;
  /** Appends the admissions of a cycle result. */
  apply(result: CycleResult): SnapshotBuilder;
  snapshot(now?: string): SchedulingSnapshot;
}

export function snapshotBuilder(
  options: { start?: string; halfLifeSeconds?: number; stepMs?: number } = {},
): SnapshotBuilder {
  const log = eventLog(options);
  const step = options.stepMs ?? 1000;
  let clock = Date.parse(options.start ?? '2026-01-01T00:00:00.000Z');
  const nextId = sequentialEventIds(clock);
  const append = (event: EventInput, actor = 'test') => {
    clock += step;
    log.append({ ...event, eventId: nextId(), occurredAt: new Date(clock).toISOString(), actor } as NewEvent);
  };
  const pending = (jobId: string) => {
    const job = log.views.queue.pending[jobId];
    if (!job) throw new Error(`job ${jobId} is not pending`);
    return job;
  };
  const inFlight = (jobId: string) => {
    const job = log.views.queue.inFlight[jobId];
    if (!job) throw new Error(`job ${jobId} holds no reservation`);
    return job;
  };

  const builder: SnapshotBuilder = {
    log,
    at(iso) {
      // Helpers step the clock before each event, so step back once to land exactly on `iso`.
      clock = Date.parse(iso) - step;
      return builder;
    },
    pool(poolId, overrides = {}) {
      append({
        type: 'PoolRegistered',
        data: { poolId, backend: 'glue', capacity: { runs: 10 }, quotas: {}, ...overrides },
      });
      return builder;
    },
    submit(jobId, overrides = {}) {
      append({
        type: 'JobSubmitted',
        data: {
          jobId,
          source: 'team-a',
          dataset: 'sales',
          priorityClass: 'normal',
          priority: 100,
          demand: { runs: 1 },
          backend: 'glue',
          spec: {},
          pools: ['glue-prod'],
          ...overrides,
        },
      });
      return builder;
    },
    policy(data) {
      append({ type: 'SharePolicySet', data });
      return builder;
    },
    report(poolId, observed) {
      append({ type: 'PoolCapacityReported', data: { poolId, observed } });
      return builder;
    },
    quota(poolId, quotas) {
      append({ type: 'PoolQuotaChanged', data: { poolId, quotas } });
      return builder;
    },
    admit(jobId, poolId, reason = 'test admission') {
      const demand = pending(jobId).demand;
      append({ type: 'JobAdmitted', data: { jobId, poolId, reservation: demand, reason } }, 'scheduler');
      clock -= step;
      append({ type: 'CapacityReserved', data: { poolId, jobId, demand } }, 'scheduler');
      return builder;
    },
    start(jobId) {
      append({ type: 'JobStarted', data: { jobId, runId: `run-${jobId}` } }, 'runner');
      return builder;
    },
    finish(jobId, how = 'succeeded') {
      const job = inFlight(jobId);
      const ended: EventInput =
        how === 'succeeded'
          ? { type: 'JobSucceeded', data: { jobId } }
          : how === 'cancelled'
            ? { type: 'JobCancelled', data: { jobId, reason: 'test' } }
            : { type: 'JobTimedOut', data: { jobId, afterSeconds: 1 } };
      append(ended, 'runner');
      clock -= step;
      append(
        {
          type: 'CapacityReleased',
          data: { poolId: job.poolId, jobId, demand: job.reservation, reason: how },
        },
        'runner',
      );
      return builder;
    },
    fail(jobId, retryAt) {
      const job = inFlight(jobId);
      append(
        { type: 'JobFailed', data: { jobId, error: 'test failure', retryable: retryAt !== undefined } },
        'runner',
      );
      clock -= step;
      append(
        {
          type: 'CapacityReleased',
          data: { poolId: job.poolId, jobId, demand: job.reservation, reason: 'failed' },
        },
        'runner',
      );
      if (retryAt !== undefined) {
        clock -= step;
        append(
          { type: 'JobRetryScheduled', data: { jobId, attempt: job.attempt + 1, notBefore: retryAt } },
          'runner',
        );
      }
      return builder;
    },
    cancelRequested(jobId) {
      append({ type: 'JobCancellationRequested', data: { jobId, reason: 'test' } });
      return builder;
    },
    apply(result) {
      const at = clock;
      for (const admission of result.admissions) {
        clock = at;
        builder.admit(admission.jobId, admission.poolId, admission.reason);
      }
      return builder;
    },
    snapshot(now) {
      const views = log.views;
      // As the scheduler's reader does: only the jobs that pending jobs wait on.
      const dependencyStatus: Record<string, JobStatus> = {};
      for (const job of Object.values(views.queue.pending)) {
        for (const { jobId } of job.dependsOn ?? [])
          dependencyStatus[jobId] = views.jobs.jobs[jobId]?.status ?? 'unknown';
      }
      return {
        now: now ?? new Date(clock).toISOString(),
        queue: views.queue,
        capacity: views.capacity,
        usage: views.usage,
        policy: views.policy,
        dependencyStatus,
        runs: views.runs,
      };
    },
  };
  return builder;
}
