import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@sluice/adapters';
import type { StoredEvent } from '@sluice/domain';
import { startLocalRuntime, type LocalRuntime } from './localRuntime';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function allEvents(dir: string): Promise<StoredEvent[]> {
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const { events } = await store.readAll({ limit: 1_000_000 });
  await store.close();
  return events;
}

describe('local runtime', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-runtime-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const start = async (dir: string, jobs: number, failureRates?: { retryable: number; permanent: number }) => {
    const runtime = await startLocalRuntime({
      dataDir: dir,
      port: 0,
      demo: jobs > 0 ? { jobs, burst: jobs, perTick: 0, seed: 3 } : false,
      quiet: true,
      pollMs: 50,
      tickMs: 500,
      runMs: { kind: 'uniform', minMs: 300, maxMs: 1_500 },
      ...(failureRates ? { failureRates } : {}),
    });
    return runtime;
  };

  it('queues, admits, runs and finishes the demo jobs, serving the API with the admin key', async () => {
    const dir = tempDir();
    const runtime: LocalRuntime = await start(dir, 30, { retryable: 0, permanent: 0.1 });
    cleanups.push(() => runtime.stop());
    const auth = { authorization: `Bearer ${runtime.adminKey}` };
    await until('every demo job to end', async () => {
      const response = await fetch(`${runtime.url}/v1/jobs?limit=100`, { headers: auth });
      const body = (await response.json()) as { jobs: { status: string }[] };
      return body.jobs.length === 30 && body.jobs.every((j) => ['succeeded', 'failed'].includes(j.status));
    });
    const unauthorised = await fetch(`${runtime.url}/v1/queue`);
    expect(unauthorised.status).toBe(401);
    const pools = (await (await fetch(`${runtime.url}/v1/pools`, { headers: auth })).json()) as {
      pools: { poolId: string; reserved: Record<string, number> }[];
    };
    for (const pool of pools.pools) for (const v of Object.values(pool.reserved)) expect(v).toBe(0);
  }, 60_000);

  it('resumes after a stop with nothing lost and no run started twice', async () => {
    const dir = tempDir();
    // No random retryable failures: a job that failed twice would back off 30 s and then 60 s, past
    // the wait below, and what is under test is the restart, not the back-off.
    const noRetries = { retryable: 0, permanent: 0.02 };
    const first = await start(dir, 40, noRetries);
    await until('some jobs to run', async () => (await allEvents(dir)).some((e) => e.type === 'JobStarted'));
    await first.stop();
    const second = await start(dir, 40, noRetries);
    cleanups.push(() => second.stop());
    expect(second.adminKey).toBe(first.adminKey);
    await until(
      'every job to end',
      async () => {
        const events = await allEvents(dir);
        const ended = new Set(
          events
            .filter(
              (e) =>
                ['JobSucceeded', 'JobCancelled'].includes(e.type) ||
                (e.type === 'JobFailed' &&
                  !events.some(
                    (r) =>
                      r.type === 'JobRetryScheduled' &&
                      r.streamId === e.streamId &&
                      r.version === e.version + 1,
                  )),
            )
            .map((e) => e.streamId),
        );
        return ended.size === 40;
      },
      50_000,
    );
    const events = await allEvents(dir);
    expect(events.filter((e) => e.type === 'JobSubmitted')).toHaveLength(40);
    // One start per admission: a run is never launched twice for the same attempt.
    const starts = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'JobStarted'))
      starts.set(e.streamId, (starts.get(e.streamId) ?? 0) + 1);
    const admissions = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'JobAdmitted'))
      admissions.set(e.streamId, (admissions.get(e.streamId) ?? 0) + 1);
    for (const [stream, count] of starts) expect(count).toBeLessThanOrEqual(admissions.get(stream)!);
    expect(events.filter((e) => e.type === 'CapacityReserved').length).toBe(
      events.filter((e) => e.type === 'CapacityReleased').length,
    );
  }, 90_000);
});
