import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { workloadRegistry } from './workloadRegistry';

/**
 * `GET /metrics` for Prometheus. It sits behind the app's authentication like every read: a
 * scrape config sends a read key as its bearer token. The registry is made on the first scrape:
 * Node's process metrics start an event-loop monitor, which an app nobody scrapes should not run.
 */
export function registerMetrics(app: Hono<ApiEnv>, deps: AppDeps): void {
  let registry: Registry | undefined;
  app.get('/metrics', async (c) => {
    registry ??= workloadRegistry(async () => ({ views: await deps.readModel.current(), now: deps.clock() }));
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType });
  });
}
