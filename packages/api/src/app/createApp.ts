import { Hono } from 'hono';
import { registerDashboardPage } from '../dashboard/pageRoute';
import { registerDashboardStream } from '../dashboard/streamRoute';
import { authenticate } from '../http/authenticate';
import { errorToProblem } from '../http/errorToProblem';
import { ProblemError, problemOf, problemResponse } from '../http/problem';
import { rateLimit } from '../http/rateLimit';
import { requestLog } from '../http/requestLog';
import { RouteRegistrar } from '../http/routeRegistrar';
import { registerMetrics } from '../metrics/metricsRoute';
import { newApiRegistry } from '../openapi/registry';
import { registerAudit } from '../routes/audit';
import { registerCancelJob } from '../routes/cancelJob';
import { registerHealth } from '../routes/health';
import { registerJobQueries } from '../routes/jobQueries';
import { registerOpenApi } from '../routes/openApi';
import { registerPointInTimeViews } from '../routes/pointInTime';
import { registerPolicy } from '../routes/policy';
import { registerPools } from '../routes/pools';
import { registerPublishEvents } from '../routes/publishEvents';
import { registerQueue } from '../routes/queue';
import { registerSubmitJob } from '../routes/submitJob';
import { registerTemplates } from '../routes/templates';
import type { ApiEnv } from './apiEnv';
import { DEFAULT_RATE_LIMIT, type AppDeps } from './appDeps';

/**
 * The Sluice HTTP API, built once and handed to whichever adapter runs it: `@hono/node-server`
 * locally, `hono/aws-lambda` behind API Gateway, `app.request()` in tests.
 */
export function createApp(deps: AppDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', requestLog(deps));
  // Ahead of authentication: the page is public and the stream checks its own key (see each).
  registerDashboardPage(app, deps);
  registerDashboardStream(app, deps);
  app.use('*', authenticate(deps));
  if (deps.rateLimit !== false) app.use('*', rateLimit(deps, deps.rateLimit ?? DEFAULT_RATE_LIMIT));

  const registry = newApiRegistry();
  const api = new RouteRegistrar(app, registry, deps);
  registerHealth(api);
  registerSubmitJob(api);
  registerJobQueries(api);
  registerCancelJob(api);
  registerPublishEvents(api);
  registerTemplates(api);
  registerPools(api);
  registerPolicy(api);
  registerQueue(api);
  registerAudit(api);
  registerPointInTimeViews(api);
  registerOpenApi(api, registry);
  registerMetrics(app, deps);

  app.notFound((c) =>
    problemResponse(c, problemOf('notFound', `no route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    const problem = errorToProblem(error);
    if (problem) return problemResponse(c, problem, error instanceof ProblemError ? error.headers : {});
    deps.logger.error(
      { err: error, requestId: c.get('requestId'), method: c.req.method, path: c.req.path },
      'unhandled error',
    );
    return problemResponse(
      c,
      problemOf('internal', 'the request failed on our side; it is logged with its X-Request-Id'),
    );
  });
  return app;
}
