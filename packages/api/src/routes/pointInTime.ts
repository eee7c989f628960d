import { sluicePolicy, queueListing, poolListing } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { fail } from '../http/problem';
import { apiRoute } from '../http/apiRoute';
import { jobDetailOf } from '../jobs/jobPresentation';
import type { ApiViews } from '@sluice/scheduler';
import { asOfQuery, jobIdParams } from '../schemas/common';
import { poolListSchema } from '../schemas/definitionSchemas';
import { jobDetailSchema } from '../schemas/jobSchemas';
import { queueSchema } from '../schemas/queueSchemas';

const REPLAY_NOTE =
  'Rebuilt by replaying the event log up to `asOf`; the reasons are what the policy said at that instant.';

/** The views at `asOf` (replayed), or now; and the instant the policy is asked about. */
async function viewsAt(deps: AppDeps, asOf: string | undefined): Promise<{ views: ApiViews; at: string }> {
  if (asOf === undefined) return { views: await deps.readModel.current(), at: deps.clock().toISOString() };
  return { views: await deps.readModel.asOf(asOf), at: new Date(asOf).toISOString() };
}

export function registerPointInTimeViews(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/views/queue',
      operationId: 'queueAsOf',
      summary: 'The queue as it was at an instant',
      description: REPLAY_NOTE,
      tag: 'views',
      query: asOfQuery,
      responses: { 200: { description: 'The whole queue then', schema: queueSchema } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { views, at } = await viewsAt(deps, query.asOf);
      const listing = queueListing(views, at, deps.policy ?? sluicePolicy, Number.MAX_SAFE_INTEGER);
      return c.json({ ...listing, ...(query.asOf ? { asOf: query.asOf } : {}) });
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/views/pools',
      operationId: 'poolsAsOf',
      summary: 'Pools as they were at an instant',
      description: REPLAY_NOTE,
      tag: 'views',
      query: asOfQuery,
      responses: { 200: { description: 'Every pool then', schema: poolListSchema } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { views } = await viewsAt(deps, query.asOf);
      return c.json({ pools: poolListing(views), ...(query.asOf ? { asOf: query.asOf } : {}) });
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/views/jobs/{id}',
      operationId: 'jobAsOf',
      summary: 'A job as it was at an instant',
      description: REPLAY_NOTE,
      tag: 'views',
      params: jobIdParams,
      query: asOfQuery,
      responses: {
        200: { description: 'The job then', schema: jobDetailSchema },
        404: { description: 'The job did not exist then' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const { views, at } = await viewsAt(deps, query.asOf);
      const detail = jobDetailOf(views, id, at, deps.policy ?? sluicePolicy);
      if (!detail) fail('notFound', `job ${id} did not exist${query.asOf ? ` at ${query.asOf}` : ''}`);
      return c.json(detail);
    },
  );
}
