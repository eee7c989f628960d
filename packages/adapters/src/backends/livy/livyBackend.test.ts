import { BackendBusyError } from '@sluice/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { backendContract } from '../../testing/backendContract';
import { FakeLivy } from '../../testing/fakes/fakeLivy';
import { FakePrometheus } from '../../testing/fakes/fakePrometheus';
import { LivyBackend } from './livyBackend';
import { livyRunStatus } from './livyState';

const request = (jobId: string, attempt = 1) => ({
  jobId,
  attempt,
  backend: 'livy' as const,
  poolId: 'onprem-spark',
  spec: {
    file: 'hdfs:///jobs/orders.jar',
    className: 'com.example.Orders',
    args: ['2026-01-01'],
    numExecutors: 4,
  },
  demand: { vcpu: 8, memoryMiB: 16_384 },
});

backendContract('LivyBackend (fake Livy server)', async () => {
  const livy = await FakeLivy.start();
  const prometheus = await FakePrometheus.start({
    'sum(yarn_allocated_vcores)': 12,
    'sum(yarn_total_vcores)': 64,
  });
  return {
    backend: new LivyBackend({
      clusters: {
        'onprem-spark': { endpoint: { url: livy.server.url }, prometheus: { url: prometheus.server.url } },
      },
    }),
    request,
    probe: {
      poolId: 'onprem-spark',
      backend: 'livy' as const,
      config: {
        prometheus: {
          observed: { vcpu: 'sum(yarn_allocated_vcores)' },
          capacity: { vcpu: 'sum(yarn_total_vcores)' },
        },
      },
    },
    advance: () => livy.advance(),
    launchedRuns: (jobId: string) =>
      livy.submitted.filter((b) => (b as { name: string }).name.startsWith(`sluice-${jobId}-a`)).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      livy.refuseNextStart(
        kind === 'busy'
          ? { status: 503, body: { msg: 'Rejected, too many sessions are being created!' } }
          : {
              status: 400,
              body: { msg: 'requirement failed: Local path /etc/passwd cannot be added to user sessions.' },
            },
      ),
    unknownRunId: 'onprem-spark/9999',
    dispose: async () => {
      await livy.server.close();
      await prometheus.server.close();
    },
  };
});

describe('LivyBackend', () => {
  let livy: FakeLivy | undefined;
  afterEach(async () => {
    await livy?.server.close();
    livy = undefined;
  });

  it.each([
    ['not_started', { state: 'queued' }],
    ['starting', { state: 'starting' }],
    ['recovering', { state: 'starting' }],
    ['idle', { state: 'running' }],
    ['running', { state: 'running' }],
    ['busy', { state: 'running' }],
    ['shutting_down', { state: 'running' }],
    ['success', { state: 'succeeded' }],
    ['killed', { state: 'cancelled', reason: 'batch killed' }],
    ['error', { state: 'failed', reason: 'batch ended in error', retryable: true }],
    ['dead', { state: 'failed', reason: 'batch died', retryable: true }],
  ])('maps batch state %s', (state, expected) => {
    expect(livyRunStatus(state)).toEqual(expected);
  });

  it('reads each state from GET /batches/{id}/state', async () => {
    const fake = (livy = await FakeLivy.start());
    const backend = new LivyBackend({ clusters: { p: { endpoint: { url: fake.server.url } } } });
    const { runId } = await backend.start({ ...request('j'), poolId: 'p' });
    fake.batches.get(0)!.state = 'dead';
    expect(await backend.status(runId)).toEqual({ state: 'failed', reason: 'batch died', retryable: true });
    expect(fake.server.requests.at(-1)!.url.pathname).toBe('/batches/0/state');
  });

  it('sends the spec as the batch body with the attempt name and the bearer token', async () => {
    const fake = (livy = await FakeLivy.start());
    const backend = new LivyBackend({
      clusters: { p: { endpoint: { url: fake.server.url, bearerToken: 's3cret' } } },
    });
    await backend.start({ ...request('orders', 2), poolId: 'p' });
    const post = fake.server.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ ...request('orders', 2).spec, name: 'sluice-orders-a2' });
    expect(post.headers.authorization).toBe('Bearer s3cret');
  });

  it('adopts a batch whose name another start of the attempt took first', async () => {
    const fake = (livy = await FakeLivy.start());
    const backend = new LivyBackend({ clusters: { p: { endpoint: { url: fake.server.url } } } });
    // The batch appears between our lookup and our POST: Livy answers "Duplicate session name".
    const other = new LivyBackend({ clusters: { p: { endpoint: { url: fake.server.url } } } });
    const raced = await Promise.all([
      backend.start({ ...request('r'), poolId: 'p' }),
      other.start({ ...request('r'), poolId: 'p' }),
    ]);
    expect(raced[0]).toEqual(raced[1]);
    expect(fake.batches.size).toBe(1);
  });

  it('is busy while the server does not answer', async () => {
    const gone = await FakeLivy.start();
    await gone.server.close();
    const backend = new LivyBackend({
      clusters: { p: { endpoint: { url: gone.server.url, timeoutMs: 2000 } } },
    });
    await expect(backend.start({ ...request('j'), poolId: 'p' })).rejects.toBeInstanceOf(BackendBusyError);
  });
});
