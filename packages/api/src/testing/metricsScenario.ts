import { handlePoolCommand, submitJob } from '@sluice/scheduler';
import { startTestApi, type TestApi } from './testApi';

/**
 * The workload both metric exporters are tested on (Prometheus here, EMF in the projector): one
 * EMR pool with two runs, two jobs admitted after 45 s, two more queued for 90 s.
 */
export async function startMetricsScenario(): Promise<TestApi> {
  const api = await startTestApi();
  const ctx = () => ({ now: api.clock.iso(), actor: 'test:metrics', newEventId: api.deps.newId });
  const submit = (jobId: string, priorityClass: string) =>
    submitJob(
      api.store,
      {
        jobId,
        source: 'analytics',
        dataset: 'sales',
        priorityClass,
        priority: 100,
        demand: { vcpu: 16, runs: 1 },
        backend: 'emr',
        spec: {},
        pools: ['emr-main'],
      },
      ctx(),
    );
  await handlePoolCommand(
    api.store,
    'emr-main',
    { type: 'RegisterPool', data: { poolId: 'emr-main', backend: 'emr', capacity: { vcpu: 64, runs: 2 }, quotas: {} } },
    ctx(),
  );
  await submit('m-1', 'normal');
  await submit('m-2', 'normal');
  api.clock.advance(45_000);
  await api.schedule();
  await submit('m-3', 'high');
  await submit('m-4', 'normal');
  api.clock.advance(90_000);
  return api;
}
