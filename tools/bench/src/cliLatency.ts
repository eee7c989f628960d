import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const SLUICE = join(REPO_ROOT, 'tools/cli/bin/sluice.js');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Wall time of one process from spawn to exit, in ms; a failing command fails the benchmark. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, NODE_NO_WARNINGS: '1', ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

/** From `npm start` to the line saying where the API listens, in ms. */
async function startToListening(dataDir: string): Promise<{ ms: number; stop: () => Promise<void> }> {
  const start = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--demo-jobs', '200'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SLUICE_DATA_DIR: dataDir, NODE_NO_WARNINGS: '1' },
    detached: true,
  });
  let out = '';
  await new Promise<void>((done, fail) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (/Sluice listening on /.test(out)) done();
    });
    child.on('exit', () => fail(new Error(`npm start exited:\n${out}`)));
  });
  const ms = performance.now() - start;
  const exited = new Promise((done) => child.on('exit', done));
  return {
    ms,
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/**
 * How long a user waits for the CLI: `sluice --help`, and `sluice queue` on the store of a running
 * local runtime (which keeps a checkpoint the CLI reads), against a bare `node -e 0` measured in
 * the same run. Also `npm start` to a served API.
 */
export async function benchCliLatency(options: { runs: number }): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-cli-'));
  const started = await startToListening(dataDir);
  try {
    // Let the demo feed jobs in so the queue has something to show and the checkpoint moves on.
    await new Promise((done) => setTimeout(done, 5_000));
    const runs = options.runs;
    const node = median(Array.from({ length: runs }, () => timed(process.execPath, ['-e', '0'])));
    const help = median(Array.from({ length: runs }, () => timed(process.execPath, [SLUICE, '--help'])));
    const version = median(Array.from({ length: runs }, () => timed(process.execPath, [SLUICE, '--version'])));
    const queue = median(
      Array.from({ length: runs }, () => timed(process.execPath, [SLUICE, 'queue', '--limit', '20'], { SLUICE_DATA_DIR: dataDir })),
    );
    const rows: [string, number][] = [
      ['node -e 0 (baseline)', node],
      ['sluice --version', version],
      ['sluice --help', help],
      ['sluice queue (running local runtime)', queue],
    ];
    console.log(`\nCLI latency: median of ${runs} runs each, same machine, same run`);
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`${'what'.padEnd(width)}  ms     vs baseline`);
    for (const [label, ms] of rows)
      console.log(`${label.padEnd(width)}  ${ms.toFixed(0).padStart(5)}  ${label.includes('baseline') ? 'baseline' : `${(ms / node).toFixed(2)}x`}`);
    console.log(`npm start to a served API: ${started.ms.toFixed(0)} ms (prestart checks the CLI bundle is current first)`);
  } finally {
    await started.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
