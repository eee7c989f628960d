import { allViews, type PoolRegisteredData } from '@sluice/domain';
import {
  ProjectionRunner,
  handlePoolCommand,
  heartbeatWaitingExecutions,
  loadOnly,
  loadPool,
  reconcile,
  type JobManagerDeps,
} from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './runtime/cloudRuntime';
import { cloudJobManagerDeps } from './runtime/jobManagerDeps';
import { withLambdaLogging } from './runtime/lambdaLogger';
import { lazily } from './runtime/lazily';

export type ReconcilerEvent =
  { source: 'sluice.deploy'; action: 'registerPools'; pools: PoolRegisteredData[] } | Record<string, unknown>;

/**
 * The periodic reconciler: records what the job manager missed (runs that ended unreported, runs
 * the backend lost), heartbeats the executions of jobs still queued, and registers the pools a
 * deploy declares.
 */
export async function createReconcilerHandler(runtime: CloudRuntime, deps: JobManagerDeps) {
  const views = await ProjectionRunner.start(runtime.store, allViews(), {
    checkpoints: loadOnly(runtime.checkpoints),
  });
  return async (event: ReconcilerEvent) => {
    const ctx = deps.context('reconciler');
    if (event.source === 'sluice.deploy' && event.action === 'registerPools') {
      const registered: string[] = [];
      for (const pool of (event as { pools: PoolRegisteredData[] }).pools) {
        const { state } = await loadPool(runtime.store, pool.poolId);
        if (state.registered) continue;
        await handlePoolCommand(runtime.store, pool.poolId, { type: 'RegisterPool', data: pool }, ctx);
        registered.push(pool.poolId);
      }
      return { registered };
    }
    await views.catchUp();
    const report = await reconcile({
      store: runtime.store,
      jobs: views.state.jobs,
      backends: deps.backends,
      context: ctx,
    });
    const heartbeats = await heartbeatWaitingExecutions(deps, Object.keys(views.state.queue.pending));
    runtime.logger.info(
      {
        checked: report.checked,
        applied: report.applied.length,
        unavailable: report.unavailable.length,
        heartbeats,
      },
      'reconciled',
    );
    return { checked: report.checked, applied: report.applied.length, heartbeats };
  };
}

export const handler = withLambdaLogging(
  lazily(() => {
    const config = cloudConfigFromEnv();
    const runtime = createCloudRuntime(config);
    return createReconcilerHandler(runtime, cloudJobManagerDeps(runtime, config));
  }),
);
