import type { WorkloadMetrics } from '@sluice/scheduler';

/** The infra alarms and CloudWatch dashboard read these names; they must not drift. */
export const EMF_NAMESPACE = 'Sluice';
export const OLDEST_QUEUED_JOB_AGE_METRIC = 'OldestQueuedJobAgeSeconds';
export const STAGE_DIMENSION = 'Stage';

type Unit = 'Seconds' | 'Count' | 'None';

interface EmfDocument {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: Unit }[] }[];
  };
  [field: string]: unknown;
}

/**
 * Embedded Metric Format documents, one per dimension set: CloudWatch turns each log line into
 * metrics without a PutMetricData call from the function. Per-class depths and per-pool headroom
 * get documents of their own, as one document carries one value per metric name.
 */
export function emfDocuments(
  metrics: WorkloadMetrics,
  options: { stage: string; now: Date; namespace?: string },
): EmfDocument[] {
  const namespace = options.namespace ?? EMF_NAMESPACE;
  const document = (
    dimensions: Record<string, string>,
    values: { name: string; unit: Unit; value: number }[],
  ): EmfDocument => ({
    _aws: {
      Timestamp: options.now.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: [Object.keys(dimensions)],
          Metrics: values.map(({ name, unit }) => ({ Name: name, Unit: unit })),
        },
      ],
    },
    ...dimensions,
    ...Object.fromEntries(values.map(({ name, value }) => [name, value])),
  });

  const stage = { [STAGE_DIMENSION]: options.stage };
  const queued = Object.values(metrics.queueDepthByClass).reduce((sum, depth) => sum + depth, 0);
  return [
    document(stage, [
      { name: OLDEST_QUEUED_JOB_AGE_METRIC, unit: 'Seconds', value: metrics.oldestQueuedJobAgeSeconds },
      { name: 'QueueDepth', unit: 'Count', value: queued },
      { name: 'JobsInFlight', unit: 'Count', value: metrics.inFlight },
      { name: 'AdmissionsTotal', unit: 'Count', value: metrics.admissionsTotal },
    ]),
    ...Object.entries(metrics.queueDepthByClass).map(([priorityClass, depth]) =>
      document({ ...stage, PriorityClass: priorityClass }, [{ name: 'QueueDepth', unit: 'Count', value: depth }]),
    ),
    ...metrics.headroom.map((sample) =>
      document({ ...stage, Pool: sample.poolId, Dimension: sample.dimension }, [
        { name: 'PoolHeadroom', unit: 'None', value: sample.headroom },
      ]),
    ),
  ];
}

/** Writes the documents as log lines; on Lambda stdout goes to CloudWatch Logs, which extracts them. */
export function writeEmf(
  metrics: WorkloadMetrics,
  options: { stage: string; now: Date; namespace?: string; write?: (line: string) => void },
): void {
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  for (const doc of emfDocuments(metrics, options)) write(JSON.stringify(doc));
}
