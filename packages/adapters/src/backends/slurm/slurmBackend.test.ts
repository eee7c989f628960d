import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLURM_QUERIES } from '../prometheus/prometheusCapacity';
import { backendContract } from '../../testing/backendContract';
import { FakePrometheus } from '../../testing/fakes/fakePrometheus';
import { FakeSlurm } from '../../testing/fakes/fakeSlurm';
import { SlurmBackend } from './slurmBackend';
import { slurmRunStatus } from './slurmJobState';

const USER = 'etl';
const TOKEN = 'slurm-jwt';
const request = (jobId: string, attempt = 1) => ({
  jobId,
  attempt,
  backend: 'slurm' as const,
  poolId: 'hpc',
  spec: {
    script: '#!/bin/bash\nsrun python transform.py',
    partition: 'batch',
    tasks: 4,
    cpusPerTask: 2,
    timeLimitMinutes: 90,
  },
  demand: { vcpu: 8 },
});

backendContract('SlurmBackend (fake slurmrestd)', async () => {
  const slurm = await FakeSlurm.start(USER, TOKEN);
  const prometheus = await FakePrometheus.start({ slurm_cpus_alloc: 320, slurm_cpus_total: 1024 });
  return {
    backend: new SlurmBackend({
      clusters: {
        hpc: {
          endpoint: { url: slurm.server.url },
          userName: USER,
          token: TOKEN,
          prometheus: { url: prometheus.server.url },
        },
      },
    }),
    request,
    probe: { poolId: 'hpc', backend: 'slurm' as const, config: { prometheus: SLURM_QUERIES } },
    advance: () => slurm.advance(),
    launchedRuns: (jobId: string) =>
      [...slurm.jobs.values()].filter((j) => j.name?.startsWith(`sluice-${jobId}-a`)).length,
    refuseNextStart: (kind: 'busy' | 'rejected') =>
      slurm.refuseNextStart(
        kind === 'busy'
          ? {
              status: 500,
              body: {
                errors: [
                  {
                    description: 'Slurm temporarily unable to accept job, sleeping and retrying',
                    error_number: 2029,
                    error: 'Resource temporarily unavailable',
                  },
                ],
                warnings: [],
              },
            }
          : {
              status: 500,
              body: {
                errors: [
                  {
                    description: 'Invalid partition name specified',
                    error_number: 2016,
                    error: 'Unable to submit batch job',
                  },
                ],
                warnings: [],
              },
            },
      ),
    unknownRunId: 'hpc/424242',
    dispose: async () => {
      await slurm.server.close();
      await prometheus.server.close();
    },
  };
});

describe('SlurmBackend', () => {
  it.each([
    [['PENDING'], { state: 'queued' }],
    [['PENDING', 'REQUEUED'], { state: 'queued' }],
    [['CONFIGURING'], { state: 'starting' }],
    [['RUNNING'], { state: 'running' }],
    [['COMPLETING'], { state: 'running' }],
    [['SUSPENDED'], { state: 'running' }],
    [['COMPLETED'], { state: 'succeeded' }],
    [['CANCELLED'], { state: 'cancelled', reason: 'job cancelled' }],
    [['FAILED'], { state: 'failed', reason: 'job failed: NonZeroExitCode (exit code 2)', retryable: true }],
    [['TIMEOUT'], { state: 'failed', reason: 'job reached its time limit', retryable: true }],
    [['NODE_FAIL'], { state: 'failed', reason: 'job ended NODE_FAIL', retryable: true }],
    [['PREEMPTED'], { state: 'failed', reason: 'job ended PREEMPTED', retryable: true }],
    [['BOOT_FAIL'], { state: 'failed', reason: 'job ended BOOT_FAIL', retryable: true }],
    [['OUT_OF_MEMORY'], { state: 'failed', reason: 'job ended OUT_OF_MEMORY', retryable: false }],
    [['DEADLINE'], { state: 'failed', reason: 'job ended DEADLINE', retryable: false }],
  ])('maps job_state %o', (jobState, expected) => {
    const failed = jobState[0] === 'FAILED';
    expect(
      slurmRunStatus({
        job_id: 1,
        job_state: jobState,
        state_reason: failed ? 'NonZeroExitCode' : 'None',
        ...(failed ? { exit_code: { status: ['EXIT'], return_code: { set: true, number: 2 } } } : {}),
      }),
    ).toEqual(expected);
  });

  let slurm: FakeSlurm;
  let backend: SlurmBackend;
  beforeEach(async () => {
    slurm = await FakeSlurm.start(USER, TOKEN);
    backend = new SlurmBackend({
      clusters: { hpc: { endpoint: { url: slurm.server.url }, userName: USER, token: TOKEN } },
    });
  });
  afterEach(() => slurm.server.close());

  it('submits the v0.0.40 job description with the user and token headers', async () => {
    await backend.start(request('orders', 3));
    const submit = slurm.server.requests.find((r) => r.method === 'POST')!;
    expect(submit.url.pathname).toBe('/slurm/v0.0.40/job/submit');
    expect(submit.headers['x-slurm-user-name']).toBe(USER);
    expect(submit.headers['x-slurm-user-token']).toBe(TOKEN);
    expect(submit.body).toEqual({
      job: {
        script: '#!/bin/bash\nsrun python transform.py',
        name: 'sluice-orders-a3',
        comment: 'sluice job orders attempt 3',
        current_working_directory: '/tmp',
        environment: ['PATH=/usr/local/bin:/usr/bin:/bin'],
        partition: 'batch',
        time_limit: { set: true, infinite: false, number: 90 },
        tasks: 4,
        cpus_per_task: 2,
      },
    });
  });

  it('tells a busy controller from a bad job by the controller’s words', async () => {
    slurm.refuseNextStart({
      status: 500,
      body: {
        errors: [{ error: 'Unable to contact slurm controller (connect failure)', error_number: 1001 }],
      },
    });
    await expect(backend.start(request('a'))).rejects.toBeInstanceOf(BackendBusyError);
    slurm.refuseNextStart({
      status: 500,
      body: {
        errors: [
          {
            error: "Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)",
            error_number: 2050,
          },
        ],
      },
    });
    await expect(backend.start(request('b'))).rejects.toBeInstanceOf(BackendBusyError);
    slurm.refuseNextStart({
      status: 500,
      body: { errors: [{ error: 'Requested node configuration is not available', error_number: 2014 }] },
    });
    await expect(backend.start(request('c'))).rejects.toBeInstanceOf(BackendRejectedError);
    const wrong = new SlurmBackend({
      clusters: { hpc: { endpoint: { url: slurm.server.url }, userName: USER, token: 'expired' } },
    });
    await expect(wrong.start(request('d'))).rejects.toBeInstanceOf(BackendRejectedError);
  });
});
