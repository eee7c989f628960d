import type { Hono } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { PROMETHEUS_CONTENT_TYPE, prometheusText } from './prometheus';
import { workloadMetrics } from '@sluice/scheduler';

/**
 * `GET /metrics` for Prometheus. It sits behind the app's authentication like every read: a
 * scrape config sends a read key as its bearer token.
 */
export function registerMetrics(app: Hono<ApiEnv>, deps: AppDeps): void {
  app.get('/metrics', async (c) => {
    const metrics = workloadMetrics(await deps.readModel.current(), deps.clock());
    return c.body(prometheusText(metrics), 200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
  });
}
