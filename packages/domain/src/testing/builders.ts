import type { EventInput } from '../events/catalogue';
import type { NewEvent } from '../events/envelope';
import type { JobSubmittedData, jobSubmittedSchema } from '../events/jobEvents';
import type { Backend } from '../vocabulary';
import type { z } from 'zod';
import type { poolRegisteredSchema } from '../events/poolEvents';
import { sequentialEventIds } from './eventIds';

type JobSubmittedInput = z.input<typeof jobSubmittedSchema>;
type PoolRegisteredInput = z.input<typeof poolRegisteredSchema>;

/** Builds valid events with sensible defaults; every test and demo states only what it cares about. */
export function eventBuilder(options: { epochMs?: number; actor?: string } = {}) {
  const nextId = sequentialEventIds(options.epochMs ?? Date.UTC(2026, 0, 1));
  let clock = options.epochMs ?? Date.UTC(2026, 0, 1);
  const envelope = (occurredAt?: string) => ({
    eventId: nextId(),
    occurredAt: occurredAt ?? new Date((clock += 1000)).toISOString(),
    actor: options.actor ?? 'test',
  });
  const make = <E extends EventInput>(event: E, occurredAt?: string): NewEvent => ({ ...envelope(occurredAt), ...event }) as NewEvent;

  return {
    nextId,
    event: make,
    jobSubmitted: (jobId: string, overrides: Partial<JobSubmittedInput> = {}): NewEvent =>
      make({
        type: 'JobSubmitted',
        data: {
          jobId,
          source: 'team-a',
          dataset: 'sales',
          priorityClass: 'normal',
          priority: 100,
          demand: { runs: 1, dpu: 2 },
          backend: 'glue' as Backend,
          spec: { jobName: 'etl' },
          pools: ['glue-prod'],
          ...overrides,
        },
      }),
    poolRegistered: (poolId: string, overrides: Partial<PoolRegisteredInput> = {}): NewEvent =>
      make({
        type: 'PoolRegistered',
        data: { poolId, backend: 'glue', capacity: { runs: 50, dpu: 500 }, quotas: { runs: 50 }, ...overrides },
      }),
  };
}

export type EventBuilder = ReturnType<typeof eventBuilder>;
export type { JobSubmittedData };
