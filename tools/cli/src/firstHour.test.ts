// A new user's first hour, as a black box: the built runtime started as a process, spoken to over
// HTTP and through the `sluice` binary, with every refused input checked to append nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLUICE_BIN, runCli } from './testing/runCli';
import { listening, startRuntime, type RuntimeProcess } from './testing/runtimeProcess';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-first-hour-'));
  dirs.push(dir);
  return dir;
};

let runtime: RuntimeProcess;
let dataDir: string;
const cli = (...args: string[]) => runCli(args, { SLUICE_DATA_DIR: dataDir });
const http = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${runtime.key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Events of every stream but the scheduler's, whose cycle records a running runtime writes on its own. */
async function eventCount(): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const page = (await (await http('GET', `/v1/events?after=${after}&limit=1000`)).json()) as {
      events: { streamId: string }[];
      lastPosition: number;
      isEnd: boolean;
    };
    count += page.events.filter((e) => e.streamId !== 'scheduler').length;
    after = page.lastPosition;
    if (page.isEnd) return count;
  }
}

const job = (over: Record<string, unknown> = {}) => ({
  source: 'ingest-team',
  dataset: 'orders',
  priorityClass: 'normal',
  backend: 'livy',
  demand: { vcpu: 4 },
  pools: ['onprem-spark'],
  spec: {},
  ...over,
});

beforeAll(async () => {
  dataDir = tempDir();
  runtime = await startRuntime(dataDir);
  expect((await http('PUT', '/v1/pools/onprem-spark', { backend: 'livy', capacity: { vcpu: 128 }, quotas: {} })).status).toBe(201);
  expect((await http('PUT', '/v1/pools/glue-prod', { backend: 'glue', capacity: { runs: 50, dpu: 300 }, quotas: { runs: 50 } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  if (process.env.DEBUG_FIRST_HOUR) console.log(runtime.output());
  if (runtime && runtime.child.exitCode === null) {
    runtime.child.kill('SIGTERM');
    await runtime.exited;
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('1. stopping', () => {
  it('drains and exits within 5 s on SIGTERM, and stops listening', async () => {
    const own = await startRuntime(tempDir());
    const started = Date.now();
    own.child.kill('SIGTERM');
    expect(await own.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await listening(own.url)).toBe(false);
  }, 60_000);

  it('stops when `npm start` is sent SIGTERM, not only its process group', async () => {
    const own = await startRuntime(tempDir(), { command: ['npm', 'start', '--silent', '--'], subcommand: false, cwd: REPO_ROOT });
    const started = Date.now();
    process.kill(own.child.pid!, 'SIGTERM'); // npm's own pid, as `kill <pid>` or a supervisor would
    await own.exited;
    const deadline = Date.now() + 5_000;
    while ((await listening(own.url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await listening(own.url)).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);
});

describe('2. jobs that could never run are refused, on every path', () => {
  it.each([
    ['a demand beyond every pool', job({ demand: { vcpu: 1e308 } }), 'demand.vcpu', /more than any of its pools can ever hold \(onprem-spark 128\)/],
    ['an unknown pool', job({ pools: ['no-such-pool'] }), 'pools.0', /no pool no-such-pool is registered \(registered: glue-prod, onprem-spark\)/],
    ['an empty demand', job({ demand: {} }), 'demand', /names no resource/],
    ['a backend the pool does not run', job({ backend: 'glue', demand: { runs: 1 } }), 'pools.0', /runs livy jobs, not glue/],
  ])('over HTTP: %s is a 400 naming the field, and nothing is appended', async (_name, body, field, reason) => {
    const before = await eventCount();
    const response = await http('POST', '/v1/jobs', body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; reason: string }[] };
    expect(problem.errors).toContainEqual({ field, reason: expect.stringMatching(reason) });
    expect(await eventCount()).toBe(before);
  });

  it('queues for a pool not registered yet when the request says to wait for it', async () => {
    const response = await http('POST', '/v1/jobs', job({ pools: ['spark-next'], waitForPools: true }));
    expect(response.status).toBe(201);
  });

  it('through the CLI: exit 2 with every field at fault, and nothing appended', async () => {
    const before = await eventCount();
    const refused = cli('submit', '--source', 'ingest-team', '--dataset', 'orders', '--class', 'normal', '--backend', 'glue', '--pools', 'onprem-spark,no-such-pool', '--demand', 'vcpu=1');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pools\.0: pool onprem-spark runs livy jobs, not glue/);
    expect(refused.stderr).toMatch(/pools\.1: no pool no-such-pool is registered/);
    expect(await eventCount()).toBe(before);
  });
});

describe('5. read commands against a missing store', () => {
  it('fail with exit 2 and create nothing', () => {
    const missing = join(tempDir(), 'typo');
    const result = runCli(['jobs'], { SLUICE_DATA_DIR: missing });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`error: no Sluice store at ${missing}; start one with \`sluice start\` or pass --endpoint`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('6. the local CLI holds the API limits and lists every bad field', () => {
  it('refuses a 2 MB spec and lists five bad fields at once in user words, appending nothing', async () => {
    const dir = tempDir();
    const before = await eventCount();
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, JSON.stringify(job({ spec: { blob: 'x'.repeat(2 * 1024 * 1024) } })));
    const tooLarge = cli('submit', '--file', huge);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toMatch(/spec: the job is \d+ bytes; at most 1048576 are accepted/);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(job({ source: '', dataset: 7, estimateSeconds: -1, maxAttempts: 0, jobName: '' })));
    const five = cli('submit', '--file', bad);
    expect(five.code).toBe(2);
    for (const field of ['source', 'dataset', 'estimateSeconds', 'maxAttempts', 'jobName']) expect(five.stderr).toMatch(new RegExp(`\\n  ${field}: `));
    expect(five.stderr).not.toMatch(/JobSubmitted|data\./);
    expect(await eventCount()).toBe(before);
  });
});

describe('7. the natural first curl', () => {
  it('accepts a job without a spec', async () => {
    const { spec: _spec, ...body } = { ...job(), spec: undefined };
    expect((await http('POST', '/v1/jobs', body)).status).toBe(201);
  });
});

describe('8. one-line errors', () => {
  it('exits quietly when the reader of its output goes away', { timeout: 120_000 }, () => {
    // More output than a pipe holds, so `head` closes it while sluice is still writing.
    const many = tempDir();
    expect(runCli(['demo', '--jobs', '800'], { SLUICE_DATA_DIR: many }).code).toBe(0);
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${SLUICE_BIN}" jobs --limit 1000 | head -2`], {
      encoding: 'utf8',
      env: { ...process.env, SLUICE_DATA_DIR: many, NODE_NO_WARNINGS: '1' },
    });
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(piped.status).toBe(0);
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('refuses a second runtime on a taken port, or on the same data directory, in one line with exit 1', () => {
    const port = new URL(runtime.url).port;
    const taken = runCli(['start', '--no-demo', '--port', port], { SLUICE_DATA_DIR: tempDir() });
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toBe(`error: port ${port} is already in use; stop what listens there or pass --port (0 picks a free one)`);
    const shared = runCli(['start', '--no-demo', '--port', '0'], { SLUICE_DATA_DIR: dataDir });
    expect(shared.code).toBe(1);
    expect(shared.stderr.trim()).toMatch(new RegExp(`^error: another Sluice runtime \\(pid ${runtime.child.pid}\\) is using ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(shared.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('9. job ids', () => {
  it('are upper-case ULIDs from every path and found in any case', async () => {
    const viaApi = (await (await http('POST', '/v1/jobs', job())).json()) as { jobId: string };
    expect(viaApi.jobId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect((await http('GET', `/v1/jobs/${viaApi.jobId.toLowerCase()}`)).status).toBe(200);
    expect((await http('GET', `/v1/streams/job-${viaApi.jobId.toLowerCase()}/events`)).status).toBe(200);
    const viaCli = cli('submit', '--json', '--source', 'ingest-team', '--dataset', 'orders', '--class', 'low', '--backend', 'livy', '--pools', 'onprem-spark', '--demand', 'vcpu=1');
    expect(viaCli.code).toBe(0);
    expect((JSON.parse(viaCli.stdout) as { jobId: string }).jobId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const explained = cli('explain', viaApi.jobId.toLowerCase());
    expect(explained.stderr).not.toMatch(/does not exist/);
    expect(explained.stdout).toContain(viaApi.jobId);
  });
});

describe('10. smaller things', () => {
  it('has a version, one --limit rule, totals in the headers, and refuses an empty Idempotency-Key', async () => {
    expect(cli('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const command of ['jobs', 'queue']) {
      expect(cli(command, '--limit', '1001').code).toBe(2);
      expect(cli(command, '--limit', '1000').code).toBe(0);
    }
    expect((await http('GET', '/v1/jobs?limit=1001')).status).toBe(400);
    expect((await http('GET', '/v1/queue?limit=1001')).status).toBe(400);
    expect(cli('jobs', '--limit', '1').stdout).toMatch(/^Jobs: showing 1 of \d+/);
    expect(cli('queue', '--limit', '1').stdout).toMatch(/^Queue: showing 1 of \d+ pending/);
    const before = await eventCount();
    expect((await http('POST', '/v1/jobs', job(), { 'idempotency-key': '' })).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('is on the PATH of the workspace: npm exec sluice', () => {
    const result = spawnSync('npm', ['exec', '--offline', '--', 'sluice', '--version'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
