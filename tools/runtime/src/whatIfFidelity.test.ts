import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@sluice/adapters';
import type { StoredEvent } from '@sluice/domain';
import { whatIf } from '@sluice/scheduler';
import { startLocalRuntime, type LocalRuntime } from './localRuntime';

const JOBS = 400;
/** A retry waits 30 s before it may be admitted again: the record must run past that. */
const RECORD_AT_MOST_MS = 50_000;

async function recordedEvents(dir: string): Promise<StoredEvent[]> {
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  try {
    return (await store.readAll({ limit: 1_000_000 })).events;
  } finally {
    await store.close();
  }
}

/** Jobs admitted more than once: a retryable failure put them back in the queue and a cycle took them again. */
function readmittedJobs(events: readonly StoredEvent[]): number {
  const admissions = new Map<string, number>();
  for (const event of events)
    if (event.type === 'JobAdmitted') admissions.set(event.data.jobId, (admissions.get(event.data.jobId) ?? 0) + 1);
  return [...admissions.values()].filter((n) => n > 1).length;
}

describe('what-if on a history recorded by the local runtime', () => {
  let dir: string;
  let events: StoredEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-whatif-'));
    // The runtime's own failure and start-refusal rates, real clock, short runs: retries, refusals
    // and write conflicts with the runner all happen, as in `sluice start`.
    const runtime: LocalRuntime = await startLocalRuntime({
      dataDir: dir,
      port: 0,
      demo: { jobs: JOBS, burst: 120, perTick: 2, seed: 11 },
      quiet: true,
      pollMs: 50,
      tickMs: 500,
      runMs: { kind: 'uniform', minMs: 300, maxMs: 1_500 },
    });
    const deadline = Date.now() + RECORD_AT_MOST_MS;
    try {
      for (;;) {
        events = await recordedEvents(dir);
        if (readmittedJobs(events) >= 3 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await runtime.stop();
    }
    events = await recordedEvents(dir);
  }, 90_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the record holds what makes a replay hard: retries, re-admissions and many cycles', () => {
    const count = (type: StoredEvent['type']) => events.filter((e) => e.type === type).length;
    expect(count('JobSubmitted')).toBe(JOBS);
    expect(count('JobRetryScheduled')).toBeGreaterThan(0);
    expect(readmittedJobs(events)).toBeGreaterThanOrEqual(3);
    expect(count('AdmissionCycleCompleted')).toBeGreaterThan(50);
  });

  it('the recorded policy reproduces at least 99 % of the recorded admissions, retries included', () => {
    const recordedPolicy = events.findLast((e) => e.type === 'SharePolicySet');
    expect(recordedPolicy).toBeDefined();
    const report = whatIf({ events, candidate: recordedPolicy!.data });
    const admitted = events.filter((e) => e.type === 'JobAdmitted').length;
    console.log(
      `what-if on a local-runtime record: ${report.fidelity.reproduced} of ${report.fidelity.recordedAdmissions} admissions reproduced ` +
        `(${(report.fidelity.fraction * 100).toFixed(2)} %), ${JSON.stringify(report.fidelity.diverged)}`,
    );
    // Every recorded admission is compared, the retries' too.
    expect(report.fidelity.recordedAdmissions).toBe(admitted);
    expect(report.fidelity.fraction).toBeGreaterThanOrEqual(0.99);
    expect(report.recorded.refused).toBe(0);
  });
});
