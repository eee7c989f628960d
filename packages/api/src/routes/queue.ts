import { sluicePolicy, queueListing } from '@sluice/scheduler';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { queueQuery, queueSchema } from '../schemas/queueSchemas';

export function registerQueue(api: RouteRegistrar): void {
  api.route({
    method: 'get',
    path: '/v1/queue',
    operationId: 'getQueue',
    summary: 'Queued jobs in admission order, with positions and why each waits',
    tag: 'queue',
    query: queueQuery,
    responses: { 200: { description: 'The head of the queue', schema: queueSchema } },
    async handle({ query, deps, c }) {
      const views = await deps.readModel.current();
      return c.json(
        queueListing(views, deps.clock().toISOString(), deps.policy ?? sluicePolicy, query.limit),
      );
    },
  });
}
