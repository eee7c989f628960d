import type { AppendToStream, NewEvent } from '@sluice/domain';
import { jobStreamId, poolStreamId, sequentialEventIds } from '@sluice/domain';

/**
 * A steady lifecycle workload for benchmarks: each job is submitted, admitted (with its pool's
 * reservation), started and finished (with the release): six events over two streams.
 */
export function* lifecycleBatches(
  jobs: number,
  jobsPerBatch: number,
  pools = 20,
): Generator<AppendToStream[]> {
  const nextId = sequentialEventIds(Date.UTC(2026, 0, 1));
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  const make = (type: string, data: unknown, i: number): NewEvent =>
    ({ eventId: nextId(), type, data, occurredAt: at(i), actor: 'bench' }) as NewEvent;
  for (let first = 0; first < jobs; first += jobsPerBatch) {
    const appends: AppendToStream[] = [];
    const poolEvents = new Map<string, NewEvent[]>();
    for (let i = first; i < Math.min(jobs, first + jobsPerBatch); i++) {
      const jobId = `job${i}`;
      const poolId = `pool${i % pools}`;
      const demand = { runs: 1, dpu: 1 + (i % 10) };
      appends.push({
        streamId: jobStreamId(jobId),
        expectedVersion: 'noStream',
        events: [
          make(
            'JobSubmitted',
            {
              jobId,
              source: `src${i % 7}`,
              dataset: `ds${i % 13}`,
              priorityClass: 'normal',
              priority: 100,
              demand,
              backend: 'glue',
              spec: { jobName: `etl${i % 5}` },
              pools: [poolId],
            },
            i,
          ),
          make('JobAdmitted', { jobId, poolId, reservation: demand, reason: 'fits' }, i),
          make('JobStarted', { jobId, runId: `jr_${i}` }, i),
          make('JobSucceeded', { jobId, runId: `jr_${i}` }, i),
        ],
      });
      const events = poolEvents.get(poolId) ?? [];
      events.push(
        make('CapacityReserved', { poolId, jobId, demand }, i),
        make('CapacityReleased', { poolId, jobId, demand, reason: 'succeeded' }, i),
      );
      poolEvents.set(poolId, events);
    }
    for (const [poolId, events] of poolEvents)
      appends.push({ streamId: poolStreamId(poolId), expectedVersion: 'any', events });
    yield appends;
  }
}
