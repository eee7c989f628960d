import { BackendBusyError, type Backend } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { batchSpecSchema } from '../batch/batchSpec';
import { glueJobSpecSchema } from '../glue/glueSpec';
import { backendContract } from '../../testing/backendContract';
import { drawDuration } from './durationDistribution';
import { seededRandom } from './seededRandom';
import { SimulatedBackend, type SimulatedBackendOptions } from './simulatedBackend';
import { simulatedBackends } from './simulatedBackends';

function simulatedHarness(
  backend: Backend,
  spec: Record<string, unknown>,
  extra: Partial<SimulatedBackendOptions> = {},
) {
  let now = Date.UTC(2026, 0, 1);
  const sim = new SimulatedBackend({
    backend,
    clock: () => now,
    seed: 42,
    queueMs: { kind: 'fixed', ms: 1000 },
    startupMs: { kind: 'uniform', minMs: 500, maxMs: 1500 },
    runMs: { kind: 'logNormal', medianMs: 5000, sigma: 0.5 },
    quotas: { runs: 10 },
    ...extra,
  });
  return {
    backend: sim,
    request: (jobId: string, attempt = 1) => ({
      jobId,
      attempt,
      backend,
      poolId: 'pool-a',
      spec,
      demand: { runs: 1, dpu: 2 },
    }),
    probe: { poolId: 'pool-a', backend, config: {} },
    advance: () => {
      now += 1000;
    },
    launchedRuns: (jobId: string) => sim.runsOf(jobId).length,
    refuseNextStart: (kind: 'busy' | 'rejected') => sim.refuseNextStart(kind),
    unknownRunId: 'sim-never-a1',
  };
}

backendContract('SimulatedBackend (standing in for Glue)', () =>
  simulatedHarness('glue', { jobName: 'etl' }, { specSchema: glueJobSpecSchema }),
);
backendContract('SimulatedBackend (standing in for Batch)', () =>
  simulatedHarness('batch', { jobQueue: 'q', jobDefinition: 'd' }, { specSchema: batchSpecSchema }),
);

describe('SimulatedBackend', () => {
  it('replays the same runs from the same seed', async () => {
    const outcomes = async () => {
      let now = 0;
      const sim = new SimulatedBackend({
        clock: () => now,
        seed: 7,
        runMs: { kind: 'uniform', minMs: 1000, maxMs: 60_000 },
        failureRates: { retryable: 0.2, permanent: 0.1 },
      });
      const ids = [];
      for (let i = 0; i < 30; i++) {
        ids.push(
          (
            await sim.start({
              jobId: `j${i}`,
              attempt: 1,
              backend: 'simulated',
              poolId: 'p',
              spec: {},
              demand: {},
            })
          ).runId,
        );
      }
      now = 3_600_000;
      return Promise.all(ids.map((id) => sim.status(id)));
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    const failed = first.filter((s) => s.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((s) => s.state === 'failed' && s.retryable)).toBe(true);
    expect(failed.some((s) => s.state === 'failed' && !s.retryable)).toBe(true);
  });

  it('refuses starts past its quota as busy, and accepts them once runs end', async () => {
    let now = 0;
    const sim = new SimulatedBackend({
      clock: () => now,
      seed: 1,
      runMs: { kind: 'fixed', ms: 10_000 },
      quotas: { runs: 2, vcpu: 8 },
    });
    const request = (jobId: string, vcpu: number) => ({
      jobId,
      attempt: 1,
      backend: 'simulated' as const,
      poolId: 'p',
      spec: {},
      demand: { vcpu },
    });
    await sim.start(request('a', 4));
    await expect(sim.start(request('b', 5))).rejects.toBeInstanceOf(BackendBusyError);
    await sim.start(request('c', 4));
    await expect(sim.start(request('d', 1))).rejects.toThrow(/quota on runs/);
    now = 10_000;
    await expect(sim.start(request('d', 1))).resolves.toEqual({ runId: 'sim-d-a1' });
  });

  it('refuses a share of starts when told to', async () => {
    const sim = new SimulatedBackend({
      clock: () => 0,
      seed: 3,
      runMs: { kind: 'fixed', ms: 1 },
      startRefusalRates: { busy: 0.5 },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        sim.start({ jobId: `j${i}`, attempt: 1, backend: 'simulated', poolId: 'p', spec: {}, demand: {} }),
      ),
    );
    const busy = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof BackendBusyError,
    ).length;
    expect(busy).toBeGreaterThan(5);
    expect(busy).toBeLessThan(35);
  });

  it('gives one simulated backend per backend kind, checking specs like the real adapters when asked', async () => {
    const backends = simulatedBackends({
      clock: () => 0,
      seed: 9,
      runMs: { kind: 'fixed', ms: 1000 },
      validateSpecs: true,
      perBackend: { emr: { quotas: { runs: 1 } } },
    });
    expect(Object.keys(backends).sort()).toEqual([
      'batch',
      'emr',
      'glue',
      'glue-crawler',
      'kubernetes',
      'livy',
      'simulated',
      'slurm',
      'stepfunctions',
    ]);
    expect(backends.livy.backend).toBe('livy');
    const start = (backend: 'glue' | 'emr', jobId: string, spec: Record<string, unknown>) =>
      backends[backend].start({ jobId, attempt: 1, backend, poolId: 'p', spec, demand: {} });
    await expect(start('glue', 'g', { workerType: 'G.1X' })).rejects.toThrow(/invalid spec/);
    await start('emr', 'e1', { sparkSubmitArgs: ['app.py'] });
    await expect(start('emr', 'e2', { sparkSubmitArgs: ['app.py'] })).rejects.toBeInstanceOf(
      BackendBusyError,
    );
  });

  it('draws durations from each distribution within its bounds', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 100; i++) {
      const uniform = drawDuration({ kind: 'uniform', minMs: 10, maxMs: 20 }, random);
      expect(uniform).toBeGreaterThanOrEqual(10);
      expect(uniform).toBeLessThan(20);
      expect(drawDuration({ kind: 'logNormal', medianMs: 100, sigma: 1 }, random)).toBeGreaterThan(0);
    }
    expect(drawDuration({ kind: 'fixed', ms: 5 }, random)).toBe(5);
  });
});

describe('SimulatedBackend adopting runs after a restart', () => {
  it('treats a run it never saw as running when told to, and as unknown otherwise', async () => {
    let now = 1_000;
    const adopting = new SimulatedBackend({
      clock: () => now,
      seed: 1,
      runMs: { kind: 'fixed', ms: 500 },
      adoptUnknownRuns: true,
    });
    expect(await adopting.status('sim-j7-a2')).toEqual({ state: 'running' });
    expect(adopting.launched).toBe(0);
    now += 600;
    expect(await adopting.status('sim-j7-a2')).toEqual({ state: 'succeeded' });
    const strict = new SimulatedBackend({ clock: () => now, seed: 1, runMs: { kind: 'fixed', ms: 500 } });
    await expect(strict.status('sim-j7-a2')).rejects.toThrow();
  });
});
