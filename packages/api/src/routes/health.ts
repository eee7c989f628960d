import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { problemOf, problemResponse } from '../http/problem';
import { z } from '../openapi/zod';

const statusSchema = z.object({ status: z.string() });

export function registerHealth(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Liveness: the process answers',
      tag: 'operations',
      responses: { 200: { description: 'Alive', schema: statusSchema } },
    }),
    (c) => c.json({ status: 'ok' }),
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'ready',
      summary: 'Readiness: the event store answers',
      tag: 'operations',
      responses: {
        200: { description: 'Ready', schema: statusSchema },
        503: { description: 'The event store does not answer' },
      },
    }),
    async (c) => {
      try {
        await deps.store.readAll({ limit: 1 });
        return c.json({ status: 'ready' });
      } catch (error) {
        deps.logger.warn({ err: error }, 'event store not reachable');
        return problemResponse(c, problemOf('unavailable', 'the event store does not answer'));
      }
    },
  );
}
