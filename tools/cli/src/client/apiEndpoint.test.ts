import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@sluice/adapters';
import { ProjectionReadModel, sluicePolicy, explainJob, replayViews } from '@sluice/scheduler';
import {
  ViewKeyVerifier,
  createApp,
  issueApiKey,
  newUlidFactory,
  serveNode,
  silentLogger,
  type RunningServer,
} from '@sluice/api';
import { ClientError } from './clientError';
import { HttpClient } from './httpClient';
import { LocalClient } from './localClient';
import { runCliAsync } from '../testing/runCliAsync';
import { seedStore, type Seeded } from '../testing/seededStore';

describe('sluice against a deployed API', () => {
  let seeded: Seeded;
  let store: SqliteEventStore;
  let server: RunningServer;
  let key: string;
  let http: HttpClient;
  let local: LocalClient;

  beforeAll(async () => {
    seeded = await seedStore();
    store = new SqliteEventStore({ filename: join(seeded.dir, 'events.db') });
    const newId = newUlidFactory();
    key = (
      await issueApiKey(
        store,
        { name: 'cli test', scopes: ['admin'] },
        { now: new Date().toISOString(), actor: 'test', newEventId: newId },
      )
    ).secret;
    const readModel = await ProjectionReadModel.start(store);
    const app = createApp({
      store,
      readModel,
      keys: new ViewKeyVerifier(readModel),
      clock: () => new Date(),
      newId,
      logger: silentLogger,
      rateLimit: false,
    });
    server = await serveNode(app, { port: 0 });
    http = new HttpClient(server.url, key);
    local = new LocalClient(seeded.dir);
  });
  afterAll(async () => {
    await local.close();
    await server.close();
    await store.close();
    seeded.remove();
  });

  it('reads the same jobs and pools through HTTP as from the store', async () => {
    expect(await http.jobs({ limit: 100 })).toEqual(await local.jobs({ limit: 100 }));
    expect(await http.jobs({ status: 'queued', limit: 1 })).toMatchObject({ jobs: [{ jobId: 'job-d' }], total: 2 });
    expect(await http.pools()).toEqual(await local.pools());
    const queue = await http.queue(10);
    expect(queue.jobs.map((j) => [j.jobId, j.pendingReason?.code])).toEqual([
      ['job-d', 'quota'],
      ['job-e', 'quota'],
    ]);
  });

  it('explains and replays from the API feed exactly as from the store', async () => {
    const remote = await explainJob(http, 'job-d', sluicePolicy);
    expect(remote).toEqual(await explainJob(local, 'job-d', sluicePolicy));
    expect(remote.differ).toBe(0);
    const until = { until: seeded.midway };
    expect((await replayViews(http, until)).views).toEqual((await replayViews(local, until)).views);
  });

  it('maps API refusals to exit codes: 404 and 401 fail (1), 400 is bad input (2)', async () => {
    await expect(http.cancel('no-such-job')).rejects.toMatchObject({ exitCode: 1 });
    await expect(new HttpClient(server.url, 'slk_wrong').pools()).rejects.toThrow(/401/);
    const refused = await http
      .submit({
        source: 'a',
        dataset: 'b',
        priorityClass: 'urgent',
        backend: 'glue',
        pools: ['glue-prod'],
        demand: { runs: 1 },
        spec: {},
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ClientError);
    expect(refused).toMatchObject({ exitCode: 2 });
    await expect(new HttpClient('http://127.0.0.1:9', key).pools()).rejects.toThrow(/cannot reach/);
  });

  it('runs the real binary against the endpoint from flags or the environment', { timeout: 150_000 }, async () => {
    const env = { SLUICE_ENDPOINT: server.url, SLUICE_API_KEY: key };
    const [jobs, explain, submit, badKey] = await Promise.all([
      runCliAsync(['jobs', '--json'], env),
      runCliAsync(['explain', 'job-d'], env),
      runCliAsync(
        ['submit', '--endpoint', server.url, '--api-key', key, '--source', 'ingest-team', '--dataset', 'orders',
          '--class', 'low', '--backend', 'glue', '--pools', 'glue-prod', '--demand', 'runs=1,dpu=1', '--json'],
        {},
      ),
      runCliAsync(['pools', '--endpoint', server.url, '--api-key', 'slk_wrong'], {}),
    ]);
    expect(jobs.code).toBe(0);
    expect((JSON.parse(jobs.stdout) as { jobs: unknown[] }).jobs.length).toBeGreaterThanOrEqual(5);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('3 of 3 recorded reasons reproduced');
    expect(submit.code).toBe(0);
    expect(JSON.parse(submit.stdout)).toMatchObject({ status: 'queued' });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr.trim().split('\n')).toHaveLength(1);
    expect(badKey.stderr).toMatch(/^error: GET \/v1\/pools: 401/);
  });
});
