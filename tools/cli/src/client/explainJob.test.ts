import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@sluice/adapters';
import { SCHEDULER_STREAM } from '@sluice/domain';
import { explainJob, sluicePolicy, toNewEvents } from '@sluice/scheduler';
import { monotonicFactory } from 'ulid';

import { LocalClient } from './localClient';
import { formatExplanation } from '../format/explanation';
import { seedStore, type Seeded } from '../testing/seededStore';

const nextId = monotonicFactory();

/** Records a cycle the policy never produced, as a buggy or tampered scheduler would. */
async function recordCycle(dir: string, waiting: { jobId: string; code: string; reason: string }[]) {
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const now = '2026-03-02T09:00:06.000Z';
  await store.appendToStream(
    SCHEDULER_STREAM,
    toNewEvents(
      [
        {
          type: 'AdmissionCycleCompleted',
          data: { cycleId: 'forged:1', scheduler: 'forged', now, snapshotPosition: 10, admitted: [], cancelled: [], pending: waiting, pendingTotal: 2 },
        },
      ],
      { now, actor: 'test', newEventId: () => nextId() },
    ),
    { expectedVersion: 'any' },
  );
  await store.close();
}

describe('explainJob', () => {
  let seeded: Seeded;
  let client: LocalClient;
  beforeEach(async () => {
    seeded = await seedStore();
    client = new LocalClient(seeded.dir);
  });
  afterEach(async () => {
    await client.close();
    seeded.remove();
  });

  it('checks each cycle that saw the job against the policy run on its snapshot', async () => {
    const explanation = await explainJob(client, 'job-e', sluicePolicy);
    expect(explanation.cycles.map((c) => [c.cycleId, c.snapshotPosition, c.recorded?.code, c.reproduced])).toEqual([
      ['seed:2', 11, 'quota', true],
      ['seed:3', 15, 'quota', true],
    ]);
    expect(explanation.job.status).toBe('queued');
  });

  it('marks a recorded reason the policy does not give again', async () => {
    await recordCycle(seeded.dir, [{ jobId: 'job-d', code: 'quota', reason: 'pool glue-prod is closed' }]);
    const explanation = await explainJob(client, 'job-d', sluicePolicy);
    const forged = explanation.cycles.find((c) => c.cycleId === 'forged:1')!;
    expect(forged.reproduced).toBe(false);
    expect(forged.recomputed.reason).toBe('pool glue-prod: runs 2/2, needs 1; 1 job ahead in class normal');
    expect(explanation).toMatchObject({ reproduced: 3, differ: 1 });
    expect(formatExplanation(explanation)).toContain('✗ cycle forged:1');
  });

  it('shows a cycle that left the job out of its list without judging it', async () => {
    await recordCycle(seeded.dir, []);
    const explanation = await explainJob(client, 'job-d', sluicePolicy);
    const silent = explanation.cycles.find((c) => c.cycleId === 'forged:1')!;
    expect(silent.recorded).toBeUndefined();
    expect(silent.reproduced).toBeNull();
    expect(silent.recomputed.code).toBe('quota');
    expect(formatExplanation(explanation)).toContain('· cycle forged:1');
  });

  it('fails for a job the log does not know', async () => {
    await expect(explainJob(client, 'nobody', sluicePolicy)).rejects.toMatchObject({
      code: 'JobNotFound',
      message: 'job nobody does not exist',
    });
  });
});
