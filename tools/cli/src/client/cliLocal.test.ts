import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allViews, replayAsOf, type StoredEvent } from '@sluice/domain';
import { runCli } from '../testing/runCli';
import { seedStore, type Seeded } from '../testing/seededStore';

const oneLine = (text: string) => text.trim().split('\n').length === 1;

// Each case spawns the real binary, which starts through tsx: slow on a busy machine.
describe('sluice commands on a local store (real binary)', { timeout: 150_000 }, () => {
  let seeded: Seeded;
  let sluice: (...args: string[]) => ReturnType<typeof runCli>;
  beforeAll(async () => {
    seeded = await seedStore();
    sluice = (...args) => runCli([...args, '--data-dir', seeded.dir]);
  });
  afterAll(() => seeded.remove());

  it('lists jobs, the queue and the pools as text and as JSON', () => {
    const jobs = sluice('jobs', '--status', 'queued', '--json');
    expect(jobs.code).toBe(0);
    expect((JSON.parse(jobs.stdout) as { jobs: { jobId: string }[] }).jobs.map((j) => j.jobId)).toEqual([
      'job-d',
      'job-e',
    ]);
    const queue = sluice('queue');
    expect(queue.code).toBe(0);
    expect(queue.stdout).toContain('Queue: showing 2 of 2 pending, 2 in flight');
    expect(queue.stdout).toMatch(/job-d .*quota: pool glue-prod: runs 2\/2/);
    const pools = JSON.parse(sluice('pools', '--json').stdout) as { pools: { poolId: string; reservedBy: number }[] };
    expect(pools.pools).toMatchObject([{ poolId: 'glue-prod', reservedBy: 2 }]);
  });

  const refusesWithUsage = (args: string[]) => {
    const result = sluice(...args);
    expect(result.code, args.join(' ')).toBe(2);
    expect(oneLine(result.stderr), result.stderr).toBe(true);
    expect(result.stderr).toMatch(/^error: /);
  };

  it('refuses bad flags with exit 2 and one line', () => {
    for (const args of [['jobs', '--status', 'sleeping'], ['replay', '--until', 'yesterday'], ['queue', '--no-such-flag']])
      refusesWithUsage(args);
  });

  it('refuses an incomplete or invalid job with exit 2 and one line', () => {
    for (const args of [
      ['submit', '--source', 'ingest-team'],
      ['submit', '--source', 'a', '--dataset', 'b', '--class', 'urgent', '--backend', 'glue', '--pools', 'glue-prod', '--demand', 'runs=1'],
      ['submit', '--source', 'a', '--dataset', 'b', '--class', 'high', '--backend', 'glue', '--pools', 'glue-prod', '--demand', 'runs=lots'],
    ])
      refusesWithUsage(args);
  });

  it('submits a job and cancels it; cancelling a missing or finished job fails with exit 1', () => {
    const submitted = sluice(
      'submit', '--source', 'ingest-team', '--dataset', 'ledger', '--class', 'high', '--backend', 'glue',
      '--pools', 'glue-prod', '--demand', 'runs=1,dpu=2', '--json',
    );
    expect(submitted.code).toBe(0);
    const { jobId, status, position } = JSON.parse(submitted.stdout) as { jobId: string; status: string; position: number };
    expect(status).toBe('queued');
    expect(position).toBe(1);
    const cancelled = sluice('cancel', jobId, '--reason', 'test', '--json');
    expect(cancelled.code).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toEqual({ jobId, status: 'cancelled', cancelRequested: false });
    const missing = sluice('cancel', 'no-such-job');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('error: job no-such-job does not exist');
    const finished = sluice('cancel', 'job-a');
    expect(finished.code).toBe(1);
    expect(oneLine(finished.stderr)).toBe(true);
  });

  it('replays the views as they were at --until, as replayAsOf does', async () => {
    const events = await seeded.events();
    const result = sluice('replay', '--until', seeded.midway, '--json');
    expect(result.code).toBe(0);
    const replay = JSON.parse(result.stdout) as { views: unknown; applied: number; position: number };
    expect(replay.views).toEqual(JSON.parse(JSON.stringify(replayAsOf(allViews(), events, seeded.midway))));
    expect(replay.position).toBe(10);
    expect(result.stderr).toContain('replay 10 of');
    const text = sluice('replay', '--until', seeded.midway);
    expect(text.stdout).toContain('Queue: 2 pending');
    expect(text.stdout).toContain('Jobs: admitted 2, queued 2');
  });

  it('explains a waiting job: every recorded reason reproduced', () => {
    const text = sluice('explain', 'job-d');
    expect(text.code).toBe(0);
    expect(text.stdout.match(/^✓ cycle/gm)).toHaveLength(3);
    expect(text.stdout).not.toContain('✗');
    expect(text.stdout).toContain('3 of 3 recorded reasons reproduced');
    const json = JSON.parse(sluice('explain', 'job-c', '--json').stdout) as {
      reproduced: number;
      differ: number;
      cycles: { recorded: { code: string } }[];
    };
    expect(json).toMatchObject({ reproduced: 3, differ: 0 });
    expect(json.cycles.map((c) => c.recorded.code)).toEqual(['quota', 'quota', 'admitted']);
    const missing = sluice('explain', 'no-such-job');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error: job no-such-job does not exist');
  });

  it('exports every event as one JSON document per line, to stdout or a file', async () => {
    const events: StoredEvent[] = await seeded.events();
    const result = sluice('export');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as StoredEvent)).toEqual(JSON.parse(JSON.stringify(events)));
    const dir = mkdtempSync(join(tmpdir(), 'sluice-export-'));
    try {
      const out = join(dir, 'events.ndjson');
      expect(sluice('export', '--out', out, '--after', '10').code).toBe(0);
      const tail = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as StoredEvent);
      expect(tail.map((e) => e.position)).toEqual(events.filter((e) => e.position > 10).map((e) => e.position));
      const unwritable = sluice('export', '--out', join(dir, 'missing', 'x.ndjson'));
      expect(unwritable.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
