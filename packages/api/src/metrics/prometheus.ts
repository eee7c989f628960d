import { WAIT_BUCKETS, type WorkloadMetrics } from '@sluice/scheduler';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The metrics in Prometheus text exposition format 0.0.4. */
export function prometheusText(metrics: WorkloadMetrics): string {
  const lines: string[] = [];
  const family = (name: string, type: string, help: string) =>
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

  family('sluice_queue_depth', 'gauge', 'Jobs waiting for admission, by priority class.');
  for (const [priorityClass, depth] of Object.entries(metrics.queueDepthByClass).sort())
    lines.push(`sluice_queue_depth${labels({ class: priorityClass })} ${depth}`);

  family('sluice_jobs_in_flight', 'gauge', 'Jobs holding a reservation (admitted or running).');
  lines.push(`sluice_jobs_in_flight ${metrics.inFlight}`);

  family('sluice_oldest_queued_job_age_seconds', 'gauge', 'Age of the longest-waiting queued job.');
  lines.push(`sluice_oldest_queued_job_age_seconds ${metrics.oldestQueuedJobAgeSeconds}`);

  family('sluice_admissions_total', 'counter', 'Jobs admitted to a pool.');
  lines.push(`sluice_admissions_total ${metrics.admissionsTotal}`);

  family('sluice_wait_seconds', 'histogram', 'Time from (re-)queueing to admission.');
  WAIT_BUCKETS.forEach((bound, i) =>
    lines.push(`sluice_wait_seconds_bucket${labels({ le: String(bound) })} ${metrics.wait.buckets[i]}`),
  );
  lines.push(`sluice_wait_seconds_bucket${labels({ le: '+Inf' })} ${metrics.wait.count}`);
  lines.push(`sluice_wait_seconds_sum ${metrics.wait.sumSeconds}`);
  lines.push(`sluice_wait_seconds_count ${metrics.wait.count}`);

  family('sluice_pool_headroom', 'gauge', 'What a pool can still reserve, per dimension.');
  for (const sample of metrics.headroom)
    lines.push(
      `sluice_pool_headroom${labels({ pool: sample.poolId, dimension: sample.dimension })} ${sample.headroom}`,
    );
  return lines.join('\n') + '\n';
}

function labels(values: Record<string, string>): string {
  const pairs = Object.entries(values).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return `{${pairs.join(',')}}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
