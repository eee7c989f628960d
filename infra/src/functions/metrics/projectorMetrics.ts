import type { Logger } from '@sluice/api';
import type { ApiViews } from '@sluice/scheduler';
import { workloadMetrics } from '@sluice/scheduler';
import { createWorkloadMetrics, publishWorkloadMetrics } from './emf';

export interface ProjectorMetricsOptions {
  /** The `Stage` dimension the alarms filter on; infra sets SLUICE_STAGE. */
  stage?: string;
  namespace?: string;
}

export interface ProjectorMetrics {
  /** Publishes the workload read off the views the projector has just caught up. */
  publish(views: ApiViews, now: Date, logger: Logger): void;
}

/**
 * The projector's metrics for the container's life: the first publish also records a `ColdStart`.
 * A metric that cannot be published must never fail the batch: the views are what Lambda retries for.
 */
export function projectorMetrics(options: ProjectorMetricsOptions = {}): ProjectorMetrics {
  const namespace = options.namespace ?? process.env.METRICS_NAMESPACE;
  const metrics = createWorkloadMetrics({
    stage: options.stage ?? process.env.SLUICE_STAGE ?? 'local',
    ...(namespace ? { namespace } : {}),
  });
  return {
    publish(views, now, logger) {
      try {
        metrics.captureColdStartMetric();
        publishWorkloadMetrics(metrics, workloadMetrics(views, now), now);
      } catch (error) {
        logger.warn({ err: error }, 'workload metrics not published');
      }
    },
  };
}
