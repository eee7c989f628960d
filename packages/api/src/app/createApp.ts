import { OpenAPIHono } from '@hono/zod-openapi';
import { registerDashboardPage } from '../dashboard/pageRoute';
import { registerDashboardStream } from '../dashboard/streamRoute';
import { authenticate } from '../http/authenticate';
import { errorToProblem } from '../http/errorToProblem';
import { ProblemError, problemOf, problemResponse } from '../http/problem';
import { rateLimit } from '../http/rateLimit';
import { requestLog } from '../http/requestLog';
import { validationHook } from '../http/validationHook';
import { registerMetrics } from '../metrics/metricsRoute';
import { registerSecurityScheme } from '../openapi/apiDocument';
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
import { registerWhatIf } from '../routes/whatif';
import type { ApiApp, ApiEnv } from './apiEnv';
import { DEFAULT_RATE_LIMIT, type AppDeps } from './appDeps';

/**
 * The Sluice HTTP API, built once and handed to whichever adapter runs it: `@hono/node-server`
 * locally, `hono/aws-lambda` behind API Gateway, `app.request()` in tests.
 */
export function createApp(deps: AppDeps): ApiApp {
  // Every route's zod failure becomes the same 400 problem, naming each failing field.
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use('*', requestLog(deps));
  // Ahead of authentication: the page is public and the stream checks its own key (see each).
  registerDashboardPage(app, deps);
  registerDashboardStream(app, deps);
  app.use('*', authenticate(deps));
  if (deps.rateLimit !== false) app.use('*', rateLimit(deps, deps.rateLimit ?? DEFAULT_RATE_LIMIT));

  registerSecurityScheme(app);
  for (const register of [
    registerHealth,
    registerSubmitJob,
    registerJobQueries,
    registerCancelJob,
    registerPublishEvents,
    registerTemplates,
    registerPools,
    registerPolicy,
    registerQueue,
    registerAudit,
    registerPointInTimeViews,
    registerWhatIf,
  ])
    register(app, deps);
  registerOpenApi(app);
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
