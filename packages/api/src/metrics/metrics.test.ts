import { WAIT_BUCKETS } from '@sluice/scheduler';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMetricsScenario } from '../testing/metricsScenario';
import { startTestApi, type TestApi } from '../testing/testApi';
import { WAIT_SECONDS_BUCKETS } from './workloadRegistry';

const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

let api: TestApi;
beforeAll(async () => {
  api = await startMetricsScenario();
});
afterAll(() => api.close());

/** Parses the exposition format strictly enough that a malformed line fails the test. */
function parsePrometheus(text: string): { samples: Map<string, number>; types: Map<string, string> } {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    if (line === '') continue; // the format ignores empty lines; prom-client puts one between families
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (\S+)$/.exec(
      line,
    );
    expect(sample, `not a valid sample line: ${line}`).not.toBeNull();
    const value = Number(sample![3]);
    // NaN is a valid value, case-insensitive (prom-client writes `Nan` for the event-loop lag
    // before its first sample); anything else must parse.
    if (sample![3]!.toLowerCase() !== 'nan') expect(Number.isNaN(value), `not a number: ${line}`).toBe(false);
    samples.set(sample![1]! + (sample![2] ?? ''), value);
  }
  return { samples, types };
}

describe('GET /metrics', () => {
  it('reports depth, admissions, waits and headroom in Prometheus text format', async () => {
    const response = await api.request('GET', '/metrics', { key: 'read' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PROMETHEUS_CONTENT_TYPE);
    const { samples, types } = parsePrometheus(await response.text());

    expect(types.get('sluice_queue_depth')).toBe('gauge');
    expect(types.get('sluice_admissions_total')).toBe('counter');
    expect(types.get('sluice_wait_seconds')).toBe('histogram');
    expect(samples.get('sluice_queue_depth{class="high"}')).toBe(1);
    expect(samples.get('sluice_queue_depth{class="normal"}')).toBe(1);
    expect(samples.get('sluice_jobs_in_flight')).toBe(2);
    expect(samples.get('sluice_admissions_total')).toBe(2);
    expect(samples.get('sluice_oldest_queued_job_age_seconds')).toBe(90);

    expect(samples.get('sluice_wait_seconds_count')).toBe(2);
    expect(samples.get('sluice_wait_seconds_sum')).toBe(90);
    expect(samples.get('sluice_wait_seconds_bucket{le="30"}')).toBe(0);
    expect(samples.get('sluice_wait_seconds_bucket{le="60"}')).toBe(2);
    expect(samples.get('sluice_wait_seconds_bucket{le="+Inf"}')).toBe(2);
    const cumulative = WAIT_BUCKETS.map((b) => samples.get(`sluice_wait_seconds_bucket{le="${b}"}`)!);
    expect(cumulative).toEqual([...cumulative].sort((a, b) => a - b));

    expect(samples.get('sluice_pool_headroom{pool="emr-main",dimension="vcpu"}')).toBe(32);
    expect(samples.get('sluice_pool_headroom{pool="emr-main",dimension="runs"}')).toBe(0);
  });

  it('buckets waits up to a week and reports the process metrics beside the workload', async () => {
    const { samples, types } = parsePrometheus(await (await api.request('GET', '/metrics', { key: 'read' })).text());
    expect(WAIT_SECONDS_BUCKETS.at(-1)).toBe(7 * 86_400);
    for (const bound of WAIT_SECONDS_BUCKETS)
      expect(samples.get(`sluice_wait_seconds_bucket{le="${bound}"}`)).toBe(bound < 45 ? 0 : 2);
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reads the views once per scrape and follows them from one scrape to the next', async () => {
    const current = vi.spyOn(api.deps.readModel, 'current');
    const readsOf = async (path: string) => {
      current.mockClear();
      const response = await api.request('GET', path, { key: 'read' });
      return { reads: current.mock.calls.length, text: await response.text() };
    };
    try {
      // Authentication reads the views too (for the key); the scrape adds one read, not one per metric.
      const { reads: forAuthentication } = await readsOf('/no-such-route');
      expect((await readsOf('/metrics')).reads).toBe(forAuthentication + 1);
      await api.schedule();
      const { samples } = parsePrometheus((await readsOf('/metrics')).text);
      // m-3 and m-4 cannot be admitted (the pool's two runs are taken): the figures stay as they were.
      expect(samples.get('sluice_queue_depth{class="high"}')).toBe(1);
      expect(samples.get('sluice_admissions_total')).toBe(2);
    } finally {
      current.mockRestore();
    }
  });

  it('gives each app its own registry, so apps in one process never share a series', async () => {
    const other = await startTestApi();
    try {
      const { samples } = parsePrometheus(await (await other.request('GET', '/metrics', { key: 'read' })).text());
      expect(samples.get('sluice_admissions_total')).toBe(0);
      expect(samples.get('sluice_wait_seconds_count')).toBe(0);
      expect([...samples.keys()].some((name) => name.startsWith('sluice_queue_depth'))).toBe(false);
      const { samples: first } = parsePrometheus(await (await api.request('GET', '/metrics', { key: 'read' })).text());
      expect(first.get('sluice_admissions_total')).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('needs a read key like every other read', async () => {
    expect((await api.request('GET', '/metrics', { key: null })).status).toBe(401);
    expect((await api.request('GET', '/metrics', { key: 'publish' })).status).toBe(403);
  });
});
