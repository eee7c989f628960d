import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode, type RunningServer } from '../node/serveNode';
import { startMetricsScenario } from '../testing/metricsScenario';
import { ensurePrometheus, startPrometheus, type PromSample, type RunningPrometheus } from '../testing/prometheusServer';
import type { TestApi } from '../testing/testApi';

let api: TestApi;
let server: RunningServer;
let prometheus: RunningPrometheus;

beforeAll(async () => {
  ensurePrometheus();
  api = await startMetricsScenario();
  server = await serveNode(api.app, { port: 0 });
  prometheus = await startPrometheus({
    address: new URL(server.url).host,
    metricsPath: '/metrics',
    bearerToken: api.keys.read,
  });
  // The first samples land one scrape interval after Prometheus is up.
  await prometheus.waitFor('sluice_queue_depth');
});

afterAll(async () => {
  await prometheus?.close();
  await server?.close();
  await api?.close();
});

const valueOf = (samples: PromSample[]) => {
  expect(samples).toHaveLength(1);
  return samples[0]!.value;
};

describe('a real Prometheus scraping /metrics', () => {
  it('scrapes the app successfully, with its read key', async () => {
    const [up] = await prometheus.query('up{job="sluice"}');
    expect(up).toMatchObject({ metric: { job: 'sluice', instance: new URL(server.url).host }, value: 1 });
  });

  it('stores the queue depth per priority class', async () => {
    const depth = await prometheus.query('sluice_queue_depth');
    expect(
      Object.fromEntries(depth.map((sample) => [sample.metric.class, sample.value])),
    ).toEqual({ high: 1, normal: 1 });
    expect(valueOf(await prometheus.query('sum(sluice_queue_depth)'))).toBe(2);
    expect(valueOf(await prometheus.query('sluice_oldest_queued_job_age_seconds'))).toBe(90);
  });

  it('answers PromQL over the wait histogram', async () => {
    expect(valueOf(await prometheus.query('sluice_wait_seconds_count'))).toBe(2);
    expect(valueOf(await prometheus.query('sluice_wait_seconds_bucket{le="30"}'))).toBe(0);
    expect(valueOf(await prometheus.query('sluice_wait_seconds_bucket{le="60"}'))).toBe(2);
    // Both waits are 45 s, in the (30, 60] bucket: Prometheus interpolates 30 + 0.9 × 30.
    expect(
      valueOf(await prometheus.query('histogram_quantile(0.9, sum by (le) (sluice_wait_seconds_bucket))')),
    ).toBeCloseTo(57, 6);
  });

  it('stores the process metrics beside the workload', async () => {
    expect(valueOf(await prometheus.query('process_resident_memory_bytes{job="sluice"}'))).toBeGreaterThan(0);
  });
});
