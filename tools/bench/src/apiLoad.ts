import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { SqliteEventStore } from '@sluice/adapters';
import {
  ViewKeyVerifier,
  createApp,
  issueApiKey,
  newUlidFactory,
  serveNode,
  silentLogger,
} from '@sluice/api';
import { ProjectionReadModel, handlePoolCommand } from '@sluice/scheduler';

export interface ApiLoadOptions {
  seconds: number;
  connections: number;
  durability: 'full' | 'normal';
}

interface Phase {
  label: string;
  result: autocannon.Result;
}

/**
 * Sustained job submissions through the whole stack (HTTP, auth, validation, append, read-your-writes
 * catch-up) on loopback, against GET /healthz on the same server in the same run: the baseline is
 * what the HTTP layer alone gets through on this machine.
 */
export async function benchApiLoad(options: ApiLoadOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-api-bench-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), durability: options.durability });
  const newId = newUlidFactory();
  const ctx = () => ({ now: new Date().toISOString(), actor: 'bench', newEventId: newId });
  const key = await issueApiKey(store, { name: 'bench', scopes: ['admin'] }, ctx());
  await handlePoolCommand(
    store,
    'glue-prod',
    {
      type: 'RegisterPool',
      data: { poolId: 'glue-prod', backend: 'glue', capacity: { runs: 50 }, quotas: {} },
    },
    ctx(),
  );
  const readModel = await ProjectionReadModel.start(store);
  // No rate limit: the bench measures the API, not the limiter.
  const app = createApp({
    store,
    readModel,
    keys: new ViewKeyVerifier(readModel),
    clock: () => new Date(),
    newId,
    logger: silentLogger,
    rateLimit: false,
  });
  const server = await serveNode(app, { port: 0 });
  const authorization = `Bearer ${key.secret}`;
  const job = JSON.stringify({
    source: 'bench',
    dataset: 'sales',
    priorityClass: 'normal',
    demand: { runs: 1, dpu: 2 },
    backend: 'glue',
    spec: { jobName: 'nightly-etl', arguments: { '--day': '2026-03-01' } },
    pools: ['glue-prod'],
  });

  const submit: Partial<autocannon.Options> = {
    url: `${server.url}/v1/jobs`,
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: job,
  };

  try {
    const run = (
      label: string,
      request: Partial<autocannon.Options>,
      seconds = options.seconds,
    ): Promise<Phase> =>
      autocannon({ url: server.url, connections: options.connections, duration: seconds, ...request }).then(
        (result) => ({ label, result }),
      );
    // Unreported warm-up, so the first measured phase does not pay for the JIT compiling the server.
    await run('warm-up', { url: `${server.url}/healthz` }, 2);
    await run('warm-up', submit, 2);
    const baseline = await run('GET /healthz (baseline)', { url: `${server.url}/healthz` });
    const reads = await run('GET /v1/pools (auth + views)', {
      url: `${server.url}/v1/pools`,
      headers: { authorization },
    });
    const submissions = await run('POST /v1/jobs (submit)', submit);
    printPhases(options, baseline, [reads, submissions]);
    const recorded = (await readModel.current()).jobs.jobs;
    console.log(
      `jobs recorded: ${Object.keys(recorded).length}, including the warm-up's and requests still in flight when a phase ended`,
    );
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printPhases(options: ApiLoadOptions, baseline: Phase, others: Phase[]): void {
  console.log(
    `\nAPI on loopback: ${options.connections} connections, ${options.seconds} s per phase, SQLite synchronous=${options.durability.toUpperCase()}`,
  );
  const perSecond = (p: Phase) => p.result['2xx'] / p.result.duration;
  const rows = [baseline, ...others].map((p) => [
    p.label,
    String(p.result['2xx']),
    String(p.result.non2xx + p.result.errors),
    Math.round(perSecond(p)).toLocaleString('en-US'),
    p.result.latency.p50.toFixed(1),
    p.result.latency.p99.toFixed(1),
    p === baseline ? 'baseline' : `${(perSecond(p) / perSecond(baseline)).toFixed(2)}x`,
  ]);
  const headers = ['what', '2xx', 'failed', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [headers, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}
