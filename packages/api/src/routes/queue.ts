import { sluicePolicy, queueListing } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { queueQuery, queueSchema } from '../schemas/queueSchemas';

export function registerQueue(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/queue',
      operationId: 'getQueue',
      summary: 'Queued jobs in admission order, with positions and why each waits',
      tag: 'queue',
      query: queueQuery,
      responses: { 200: { description: 'The head of the queue', schema: queueSchema } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const views = await deps.readModel.current();
      return c.json(queueListing(views, deps.clock().toISOString(), deps.policy ?? sluicePolicy, query.limit));
    },
  );
}
