import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { WorkloadMetrics } from '@sluice/scheduler';

/** The infra alarms and CloudWatch dashboard read these names; they must not drift. */
export const EMF_NAMESPACE = 'Sluice';
export const OLDEST_QUEUED_JOB_AGE_METRIC = 'OldestQueuedJobAgeSeconds';
export const STAGE_DIMENSION = 'Stage';
const SERVICE_NAME = 'sluice-projector';

/**
 * A Powertools metrics buffer whose every document carries the `Stage` dimension alone (plus its
 * own). Powertools adds a `service` dimension by default; CloudWatch matches a metric on its whole
 * dimension set and the alarms select `Stage` only, so that default is replaced.
 */
export function createWorkloadMetrics(options: { stage: string; namespace?: string }): Metrics {
  const metrics = new Metrics({ namespace: options.namespace ?? EMF_NAMESPACE, serviceName: SERVICE_NAME });
  metrics.clearDefaultDimensions();
  metrics.setDefaultDimensions({ [STAGE_DIMENSION]: options.stage });
  return metrics;
}

/**
 * Writes the workload as Embedded Metric Format documents on stdout, which CloudWatch Logs turns
 * into metrics without a PutMetricData call. One document carries one value per metric name, so
 * per-class depths and per-pool headroom are published as documents of their own.
 */
export function publishWorkloadMetrics(metrics: Metrics, workload: WorkloadMetrics, now: Date): void {
  const publish = (dimensions: Record<string, string>, add: () => void) => {
    metrics.setTimestamp(now);
    for (const [name, value] of Object.entries(dimensions)) metrics.addDimension(name, value);
    add();
    metrics.publishStoredMetrics();
  };
  const queued = Object.values(workload.queueDepthByClass).reduce((sum, depth) => sum + depth, 0);
  publish({}, () => {
    metrics.addMetric(OLDEST_QUEUED_JOB_AGE_METRIC, MetricUnit.Seconds, workload.oldestQueuedJobAgeSeconds);
    metrics.addMetric('QueueDepth', MetricUnit.Count, queued);
    metrics.addMetric('JobsInFlight', MetricUnit.Count, workload.inFlight);
    metrics.addMetric('AdmissionsTotal', MetricUnit.Count, workload.admissionsTotal);
  });
  for (const [priorityClass, depth] of Object.entries(workload.queueDepthByClass))
    publish({ PriorityClass: priorityClass }, () => metrics.addMetric('QueueDepth', MetricUnit.Count, depth));
  for (const sample of workload.headroom)
    publish({ Pool: sample.poolId, Dimension: sample.dimension }, () =>
      metrics.addMetric('PoolHeadroom', MetricUnit.NoUnit, sample.headroom),
    );
}
