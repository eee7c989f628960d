import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SLUICE_BIN } from '../testing/runCli';

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('sluice start', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-start-'));
    dirs.push(dir);
    return dir;
  };

  it('prints where it listens and stops cleanly on Ctrl-C', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [SLUICE_BIN, 'start', '--no-demo', '--quiet'],
      {
        env: {
          ...process.env,
          SLUICE_DATA_DIR: dir,
          SLUICE_PORT: '0',
          SLUICE_API_KEY: 'slk_test-key',
          NODE_NO_WARNINGS: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    await until(
      'the listening line',
      async () => /Sluice listening on http:\/\/127\.0\.0\.1:\d+/.test(out),
      30_000,
    );
    expect(out).toContain('Admin API key: slk_test-key');
    const url = /Sluice listening on (\S+)/.exec(out)![1]!;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});
