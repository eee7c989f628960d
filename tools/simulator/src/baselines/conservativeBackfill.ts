import type { QueuedJob } from '@sluice/domain';
import type { Admission, SchedulingPolicy } from '@sluice/scheduler';
import { plannedDurationMs } from './plannedDuration';
import { poolPlans } from './poolPlans';
import { bookIn, fitsIn, poolRooms } from './poolRooms';
import { admissionOf, byPriorityThenArrival, pendingReasons, readyToRun } from './queueHelpers';
import { demandAmounts } from './resourceAmounts';
import { runningReleases } from './runningReleases';
import { startableHorizon } from './startableHorizon';
import { startWording } from './startWording';

export interface ConservativeBackfillOptions {
  /** Jobs planned per cycle, in queue order (Slurm's bf_max_job_test); the rest wait for a later cycle. */
  maxPlannedJobs?: number;
}

export const DEFAULT_MAX_PLANNED_JOBS = 1000;

/**
 * Conservative backfilling (Mu'alem and Feitelson): in queue order (class, then arrival) every job
 * is planned at the earliest instant its pools' availability profiles hold it for its whole
 * estimate, on the pool where that comes first, and keeps that place for the rest of the cycle.
 * A job starts now only if its place is now, so it delays no job planned before it, not only the
 * first. A job without an estimate is planned to run for ever; one whose start cannot be dated
 * (it waits on a job without an estimate) takes its demand from now on, so later jobs may use its
 * pool only where what is free leaves its demand spare. Planning stops where no later job could
 * start now anyway (see startableHorizon).
 */
export function conservativeBackfillPolicy(options: ConservativeBackfillOptions = {}): SchedulingPolicy {
  const maxPlanned = options.maxPlannedJobs ?? DEFAULT_MAX_PLANNED_JOBS;
  return {
    name: 'conservative-backfill',
    cycle(snapshot) {
      const nowMs = Date.parse(snapshot.now);
      const rooms = poolRooms(snapshot.capacity);
      const plans = poolPlans(rooms, runningReleases(snapshot.queue.inFlight, nowMs), nowMs);
      const admissions: Admission[] = [];
      const pending = pendingReasons();
      const fitsSomeRoomNow = (job: QueuedJob) =>
        job.pools.some((poolId) => {
          const room = rooms.get(poolId);
          return room !== undefined && fitsIn(room, job.demand);
        });

      const planned: QueuedJob[] = [];
      let firstUnplanned: QueuedJob | undefined;
      for (const job of Object.values(snapshot.queue.pending).sort(byPriorityThenArrival)) {
        if (planned.length >= maxPlanned) {
          firstUnplanned = job;
          break;
        }
        if (readyToRun(job, snapshot, nowMs)) planned.push(job);
        else pending.add(job.jobId, 'not-ready', 'held by a dependency, a retry backoff or a cancellation');
      }
      const demands = planned.map((job) => demandAmounts(job.demand));
      const horizon = startableHorizon(planned, demands, plans, rooms.keys(), nowMs);

      for (let i = 0; i < planned.length; i++) {
        const job = planned[i]!;
        if (!job.pools.some((poolId) => horizon.lastOn(poolId) >= i)) {
          // Nothing from here on can start on its pools now: where it would be planned changes nothing.
          if (pending.full) {
            if (i > horizon.last()) break;
            continue;
          }
          pending.add(
            job.jobId,
            fitsSomeRoomNow(job) ? 'behind-reservation' : 'capacity',
            `cannot start now on ${job.pools.join(', ')} without delaying a job planned before it`,
          );
          continue;
        }
        const demand = demands[i]!;
        const durationMs = plannedDurationMs(job);
        let best: { poolId: string; startsAtMs: number } | undefined;
        for (const poolId of job.pools) {
          if (!plans.canEverHold(poolId, demand)) continue;
          const startsAtMs = plans.of(poolId)?.earliestStart(demand, durationMs) ?? Infinity;
          if (!best || startsAtMs < best.startsAtMs) best = { poolId, startsAtMs };
        }
        if (!best) {
          pending.add(job.jobId, 'capacity', `larger than every pool of ${job.pools.join(', ')}`);
          continue;
        }
        const profile = plans.of(best.poolId)!;
        const room = rooms.get(best.poolId)!;
        if (best.startsAtMs <= nowMs && fitsIn(room, job.demand)) {
          bookIn(room, job.demand);
          profile.hold(nowMs, nowMs + durationMs, demand);
          horizon.shrunk(best.poolId);
          admissions.push(
            admissionOf(
              job,
              room,
              'conservative-backfill: fits now without delaying any job planned before it',
            ),
          );
          continue;
        }
        // An undated start holds the job's demand from now on: whenever it comes, the demand is there.
        if (Number.isFinite(best.startsAtMs)) {
          profile.hold(best.startsAtMs, best.startsAtMs + durationMs, demand);
        } else {
          profile.hold(nowMs, Infinity, demand);
          horizon.shrunk(best.poolId);
        }
        if (!pending.full) {
          const fitsNow = fitsSomeRoomNow(job);
          pending.add(
            job.jobId,
            fitsNow ? 'behind-reservation' : 'capacity',
            `planned on ${best.poolId} from ${startWording(best.startsAtMs)}` +
              (fitsNow ? ', so as not to delay jobs planned before it' : ''),
          );
        }
      }
      if (firstUnplanned)
        pending.add(
          firstUnplanned.jobId,
          'not-planned',
          `beyond the first ${maxPlanned} jobs planned this cycle`,
        );
      return { admissions, pending: pending.list, cancellations: [] };
    },
  };
}
