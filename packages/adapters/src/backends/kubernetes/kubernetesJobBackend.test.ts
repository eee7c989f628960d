import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KUBERNETES_QUERIES } from '../prometheus/prometheusCapacity';
import { backendContract } from '../../testing/backendContract';
import { FakeKubernetes } from '../../testing/fakes/fakeKubernetes';
import { FakePrometheus } from '../../testing/fakes/fakePrometheus';
import { KubernetesJobBackend } from './kubernetesJobBackend';
import { kubernetesJobRunStatus, type KubernetesJob } from './kubernetesJobStatus';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.test';
const request = (jobId: string, attempt = 1) => ({
  jobId,
  attempt,
  backend: 'kubernetes' as const,
  poolId: 'k8s-batch',
  spec: { image: 'registry.example/etl:1.4', args: ['--day', '2026-01-01'], env: { DATASET: 'orders' } },
  demand: { vcpu: 2, memoryMiB: 4096 },
});

backendContract('KubernetesJobBackend (fake API server)', async () => {
  const k8s = await FakeKubernetes.start(TOKEN);
  const prometheus = await FakePrometheus.start({
    [KUBERNETES_QUERIES.observed.vcpu!]: 6.5,
    [KUBERNETES_QUERIES.observed.memoryMiB!]: 12_288,
    [KUBERNETES_QUERIES.capacity.vcpu!]: 96,
    [KUBERNETES_QUERIES.capacity.memoryMiB!]: 393_216,
  });
  return {
    backend: new KubernetesJobBackend({
      clusters: {
        'k8s-batch': {
          endpoint: { url: k8s.server.url, bearerToken: TOKEN },
          namespace: 'etl',
          prometheus: { url: prometheus.server.url },
        },
      },
    }),
    request,
    probe: {
      poolId: 'k8s-batch',
      backend: 'kubernetes' as const,
      config: { prometheus: KUBERNETES_QUERIES },
    },
    advance: () => k8s.advance(),
    launchedRuns: (jobId: string) =>
      k8s.created.filter((j) => j.metadata.annotations?.['sluice.io/job-id'] === jobId).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      k8s.refuseNextStart(
        kind === 'busy'
          ? {
              status: 429,
              headers: { 'retry-after': '2' },
              body: {
                kind: 'Status',
                apiVersion: 'v1',
                status: 'Failure',
                reason: 'TooManyRequests',
                message: 'too many requests',
                code: 429,
              },
            }
          : {
              status: 422,
              body: {
                kind: 'Status',
                apiVersion: 'v1',
                status: 'Failure',
                reason: 'Invalid',
                message: 'Job.batch "x" is invalid: spec.template.spec.containers[0].image: Required value',
                code: 422,
              },
            },
      ),
    unknownRunId: 'k8s-batch/sluice-never-a1',
    dispose: async () => {
      await k8s.server.close();
      await prometheus.server.close();
    },
  };
});

const job = (
  status: KubernetesJob['status'],
  metadata: Partial<KubernetesJob['metadata']> = {},
): KubernetesJob => ({
  metadata: { name: 'sluice-j-a1', ...metadata },
  status,
});
const condition = (type: string, reason?: string, message?: string) => ({
  type,
  status: 'True',
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

describe('KubernetesJobBackend', () => {
  it.each([
    ['no pods yet', job({}), { state: 'queued' }],
    ['suspended', job({ conditions: [condition('Suspended', 'JobSuspended')] }), { state: 'queued' }],
    ['pods pending', job({ active: 1, ready: 0 }), { state: 'starting' }],
    ['pods ready', job({ active: 1, ready: 1 }), { state: 'running' }],
    ['active on an old server without ready', job({ active: 1 }), { state: 'running' }],
    [
      'SuccessCriteriaMet',
      job({ succeeded: 1, conditions: [condition('SuccessCriteriaMet', 'CompletionsReached')] }),
      { state: 'succeeded' },
    ],
    [
      'Complete',
      job({ succeeded: 1, conditions: [condition('Complete', 'CompletionsReached')] }),
      { state: 'succeeded' },
    ],
    [
      'FailureTarget',
      job({
        failed: 1,
        conditions: [
          condition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
        ],
      }),
      {
        state: 'failed',
        reason: 'BackoffLimitExceeded: Job has reached the specified backoff limit',
        retryable: true,
      },
    ],
    [
      'Failed',
      job({
        failed: 1,
        conditions: [
          condition('Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline'),
        ],
      }),
      {
        state: 'failed',
        reason: 'DeadlineExceeded: Job was active longer than specified deadline',
        retryable: true,
      },
    ],
    [
      'being deleted',
      job({ active: 1, ready: 1 }, { deletionTimestamp: '2026-01-01T00:00:00Z' }),
      { state: 'cancelled', reason: 'job deleted' },
    ],
  ] as const)('maps a Job %s', (_what, given, expected) => {
    expect(kubernetesJobRunStatus(given)).toEqual(expected);
  });

  let k8s: FakeKubernetes;
  let backend: KubernetesJobBackend;
  beforeEach(async () => {
    k8s = await FakeKubernetes.start(TOKEN);
    backend = new KubernetesJobBackend({
      clusters: {
        p: {
          endpoint: { url: k8s.server.url, bearerToken: TOKEN },
          namespace: 'etl',
          propagationPolicy: 'Foreground',
        },
      },
    });
  });
  afterEach(() => k8s.server.close());

  it('creates a batch/v1 Job with resources from the demand, a DNS-safe name and the job id annotation', async () => {
    const { runId } = await backend.start({ ...request('Orders_2026:01', 1), poolId: 'p' });
    const created = k8s.created[0]!;
    expect(runId).toBe(`p/${created.metadata.name}`);
    expect(created.metadata.name).toMatch(/^[a-z0-9-]{1,63}$/);
    expect(created.metadata.annotations).toEqual({ 'sluice.io/job-id': 'Orders_2026:01' });
    expect(created.spec).toMatchObject({
      backoffLimit: 0,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              image: 'registry.example/etl:1.4',
              resources: {
                requests: { cpu: '2000m', memory: '4096Mi' },
                limits: { cpu: '2000m', memory: '4096Mi' },
              },
            },
          ],
        },
      },
    });
  });

  it('deletes with the configured propagation policy', async () => {
    const { runId } = await backend.start({ ...request('j'), poolId: 'p' });
    await backend.cancel(runId);
    const deletion = k8s.server.requests.find((r) => r.method === 'DELETE')!;
    expect(deletion.body).toEqual({
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      propagationPolicy: 'Foreground',
    });
  });

  it('refuses to adopt a Job of the same name made for another job', async () => {
    await backend.start({ ...request('j'), poolId: 'p' });
    k8s.jobs.get('etl/sluice-j-a1')!.metadata.annotations = { 'sluice.io/job-id': 'someone-else' };
    await expect(backend.start({ ...request('j'), poolId: 'p' })).rejects.toBeInstanceOf(
      BackendRejectedError,
    );
  });

  it('is refused for good with a bad token, and busy when throttled', async () => {
    const wrong = new KubernetesJobBackend({
      clusters: { p: { endpoint: { url: k8s.server.url, bearerToken: 'wrong' } } },
    });
    await expect(wrong.start({ ...request('j'), poolId: 'p' })).rejects.toThrow(/401/);
    k8s.refuseNextStart({
      status: 503,
      body: { kind: 'Status', status: 'Failure', reason: 'ServiceUnavailable', code: 503 },
    });
    await expect(backend.start({ ...request('j'), poolId: 'p' })).rejects.toBeInstanceOf(BackendBusyError);
  });
});
