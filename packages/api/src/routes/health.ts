import { problemOf, problemResponse } from '../http/problem';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { z } from '../openapi/zod';

const statusSchema = z.object({ status: z.string() });

export function registerHealth(api: RouteRegistrar): void {
  api.route({
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness: the process answers',
    tag: 'operations',
    responses: { 200: { description: 'Alive', schema: statusSchema } },
    handle: ({ c }) => c.json({ status: 'ok' }),
  });

  api.route({
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: 'Readiness: the event store answers',
    tag: 'operations',
    responses: {
      200: { description: 'Ready', schema: statusSchema },
      503: { description: 'The event store does not answer' },
    },
    async handle({ deps, c }) {
      try {
        await deps.store.readAll({ limit: 1 });
        return c.json({ status: 'ready' });
      } catch (error) {
        deps.logger.warn({ err: error }, 'event store not reachable');
        return problemResponse(c, problemOf('unavailable', 'the event store does not answer'));
      }
    },
  });
}
