import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One sample of an instant vector, as `/api/v1/query` answers. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface RunningPrometheus {
  url: string;
  /** Evaluates PromQL now; an error answer throws with Prometheus's own message. */
  query(promql: string): Promise<PromSample[]>;
  /** Polls until the query returns at least one sample, or throws after `timeoutMs`. */
  waitFor(promql: string, timeoutMs?: number): Promise<PromSample[]>;
  close(): Promise<void>;
}

export interface ScrapeTarget {
  /** `host:port` of the app. */
  address: string;
  metricsPath: string;
  bearerToken: string;
}

/** The scrape tests need Debian's prometheus; installs it once when it is missing. */
export function ensurePrometheus(): void {
  execFileSync(fileURLToPath(new URL('../../../../scripts/ensure-prometheus.sh', import.meta.url)), {
    stdio: 'inherit',
  });
}

/** A real Prometheus in a temp dir, scraping `target` every second. */
export async function startPrometheus(target: ScrapeTarget): Promise<RunningPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  await writeFile(config, scrapeConfig(target));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(
    '/usr/bin/prometheus',
    [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const query = async (promql: string): Promise<PromSample[]> => {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}):\n${output.join('')}`);
    const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
    const body = (await response.json()) as QueryAnswer;
    if (body.status !== 'success') throw new Error(`query ${promql} failed: ${body.error ?? response.status}`);
    return body.data.result.map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
  };

  const waitFor = async (promql: string, timeoutMs = 20_000): Promise<PromSample[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const samples = await query(promql).catch((error: unknown) => {
        // Until the web server listens, fetch itself fails: keep polling, but not past the deadline.
        if (Date.now() > deadline || child.exitCode !== null) throw error;
        return [];
      });
      if (samples.length > 0) return samples;
      if (Date.now() > deadline)
        throw new Error(`no samples for ${promql} after ${timeoutMs} ms; prometheus said:\n${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  return {
    url,
    query,
    waitFor,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

interface QueryAnswer {
  status: 'success' | 'error';
  error?: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

function scrapeConfig(target: ScrapeTarget): string {
  // JSON is YAML: no YAML writer needed, and the token needs no quoting rules of its own.
  return JSON.stringify({
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    scrape_configs: [
      {
        job_name: 'sluice',
        metrics_path: target.metricsPath,
        authorization: { type: 'Bearer', credentials: target.bearerToken },
        static_configs: [{ targets: [target.address] }],
      },
    ],
  });
}

/** A port free at the time of asking: Prometheus cannot report the port it picked for `:0`. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
