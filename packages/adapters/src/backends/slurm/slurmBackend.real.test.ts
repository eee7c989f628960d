import type { RunStatus, StartRequest } from '@sluice/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendContract } from '../../testing/backendContract';
import { NODE_MEMORY_MIB, startSlurmCluster, type SlurmTestCluster } from '../../testing/slurmCluster';
import { SlurmBackend } from './slurmBackend';

/**
 * The SLURM backend against a real one-node Slurm 22.05 (slurmctld, slurmd, slurmrestd). Setup
 * installs the Debian packages when missing and fails, never skips, when it cannot.
 */
const POLL_MS = 500;
const POOL = 'real';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: SlurmTestCluster;
let backend: SlurmBackend;
beforeAll(async () => {
  cluster = await startSlurmCluster();
  backend = new SlurmBackend({
    clusters: {
      [POOL]: { endpoint: { url: cluster.url }, userName: cluster.userName, token: cluster.token },
    },
  });
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

const request = (jobId: string, attempt = 1, script = 'sleep 2; exit 0'): StartRequest => ({
  jobId,
  attempt,
  backend: 'slurm',
  poolId: POOL,
  spec: {
    script: `#!/bin/bash\n${script}\n`,
    partition: cluster.partition,
    tasks: 1,
    cpusPerTask: 1,
    memoryPerNodeMiB: NODE_MEMORY_MIB / 4,
    timeLimitMinutes: 5,
  },
  demand: { vcpu: 1 },
});

async function untilEnded(runId: string): Promise<RunStatus[]> {
  const seen: RunStatus[] = [];
  for (let i = 0; i < 60; i++) {
    const status = await backend.status(runId);
    seen.push(status);
    if (['succeeded', 'failed', 'cancelled'].includes(status.state)) return seen;
    await sleep(POLL_MS);
  }
  throw new Error(`${runId} did not end: ${seen.map((s) => s.state).join(' → ')}`);
}

backendContract(
  'SlurmBackend (real Slurm 22.05)',
  () => ({
    backend,
    request: (jobId, attempt) => request(jobId, attempt),
    probe: { poolId: POOL, backend: 'slurm', config: {} },
    advance: async () => {
      await sleep(POLL_MS);
    },
    launchedRuns: async (jobId) =>
      (await backend.listRuns({ poolId: POOL, backend: 'slurm', config: {} })).filter(
        (r) => r.jobId === jobId,
      ).length,
    refuseNextStart: () => {
      throw new Error('a real slurmctld cannot be told to refuse the next start');
    },
    unknownRunId: `${POOL}/999999`,
  }),
  { refusals: false },
);

describe('SlurmBackend against a real Slurm 22.05', () => {
  it('a job that exits 3 is failed with its exit code', async () => {
    const { runId } = await backend.start(request('real-exit-3', 1, 'exit 3'));
    const last = (await untilEnded(runId)).at(-1)!;
    expect(last).toMatchObject({ state: 'failed', retryable: true });
    expect(last.state === 'failed' && last.reason).toMatch(/exit code 3\b/);
  });

  it('a long job that is cancelled ends cancelled', async () => {
    const { runId } = await backend.start(request('real-long', 1, 'sleep 300'));
    while ((await backend.status(runId)).state !== 'running') await sleep(POLL_MS);
    await backend.cancel(runId);
    expect((await untilEnded(runId)).at(-1)!.state).toBe('cancelled');
  });

  it('capacity reports the node CPUs and memory, and the CPUs a running job holds', async () => {
    const idle = await backend.probeCapacity({ poolId: POOL, backend: 'slurm', config: {} });
    expect(idle.capacity).toEqual({ vcpu: cluster.nodeCpus, memoryMiB: NODE_MEMORY_MIB });
    const { runId } = await backend.start(request('real-capacity', 1, 'sleep 30'));
    while ((await backend.status(runId)).state !== 'running') await sleep(POLL_MS);
    const busy = await backend.probeCapacity({ poolId: POOL, backend: 'slurm', config: {} });
    expect(busy.observed).toMatchObject({ runs: 1, vcpu: 1, memoryMiB: NODE_MEMORY_MIB / 4 });
    await backend.cancel(runId);
  });
});
