import type { Logger } from '@sluice/api';
import type { ApiViews } from '@sluice/scheduler';
import { writeEmf } from './emf';
import { workloadMetrics } from '@sluice/scheduler';

export interface ProjectorMetricsOptions {
  /** The `Stage` dimension the alarms filter on; infra sets SLUICE_STAGE. */
  stage?: string;
  namespace?: string;
  write?: (line: string) => void;
}

/**
 * Publishes the workload metrics from the views the projector has just caught up. A metric that
 * cannot be written must never fail the batch: the views are what Lambda retries for.
 */
export function publishProjectorMetrics(
  views: ApiViews,
  now: Date,
  logger: Logger,
  options: ProjectorMetricsOptions = {},
): void {
  const namespace = options.namespace ?? process.env.METRICS_NAMESPACE;
  try {
    writeEmf(workloadMetrics(views, now), {
      stage: options.stage ?? process.env.SLUICE_STAGE ?? 'local',
      now,
      ...(namespace ? { namespace } : {}),
      ...(options.write ? { write: options.write } : {}),
    });
  } catch (error) {
    logger.warn({ err: error }, 'workload metrics not published');
  }
}
