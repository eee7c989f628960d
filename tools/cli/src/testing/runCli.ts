import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const SLUICE_BIN = resolve(import.meta.dirname, '../../bin/sluice.js');

/** Runs the real `sluice` binary in a child process, as a user would. */
export function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SLUICE_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
