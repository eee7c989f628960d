import { WAIT_BUCKETS } from '@sluice/scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus';
import { startMetricsScenario } from '../testing/metricsScenario';
import type { TestApi } from '../testing/testApi';

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
    expect(Number.isNaN(value)).toBe(false);
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

  it('needs a read key like every other read', async () => {
    expect((await api.request('GET', '/metrics', { key: null })).status).toBe(401);
    expect((await api.request('GET', '/metrics', { key: 'publish' })).status).toBe(403);
  });
});
