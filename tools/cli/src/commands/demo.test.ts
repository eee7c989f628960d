import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@sluice/adapters';
import { runCli } from '../testing/runCli';

describe('sluice demo', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('appends the workload to the embedded store and prints the queue and capacity views', async () => {
    const dir = tempDir();
    const { code, stdout } = runCli(['demo', '--jobs', '9'], { SLUICE_DATA_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Queue: 9 pending');
    expect(stdout).toMatch(/glue-prod\s+runs\s+50\s+50\s+0\s+0\s+50/);
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const { events } = await store.readAll({ limit: 1000 });
    expect(events.filter((e) => e.type === 'JobSubmitted')).toHaveLength(9);
    expect(events.filter((e) => e.type === 'PoolRegistered')).toHaveLength(4);
    await store.close();

    // A second run adds jobs to the same store and does not register the pools again.
    const again = runCli(['demo', '--jobs', '2'], { SLUICE_DATA_DIR: dir });
    expect(again.stdout).toContain('Queue: 11 pending');
  });

  it('exits with 2 and a one-line message on bad input, writing nothing', () => {
    const dir = tempDir();
    const bad = runCli(['demo', '--jobs', 'many'], { SLUICE_DATA_DIR: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('--jobs must be a whole number from 0 to 100000');
    expect(existsSync(join(dir, 'events.db'))).toBe(false);
    const unknown = runCli(['demo', '--frobnicate'], { SLUICE_DATA_DIR: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
  });
});
