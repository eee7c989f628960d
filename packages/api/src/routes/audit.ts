import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { fail } from '../http/problem';
import {
  feedPageSchema,
  feedQuery,
  streamPageSchema,
  streamParams,
  streamQuery,
} from '../schemas/feedSchemas';

export function registerAudit(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/streams/{streamId}/events',
      operationId: 'readStream',
      summary: "A stream's events in version order (audit)",
      tag: 'audit',
      params: streamParams,
      query: streamQuery,
      responses: {
        200: { description: 'One page of the stream', schema: streamPageSchema },
        404: { description: 'No such stream' },
      },
    }),
    async (c) => {
      const { streamId } = c.req.valid('param');
      const { fromVersion, limit } = c.req.valid('query');
      const { events, currentVersion } = await deps.store.readStream(streamId, {
        fromVersion,
        toVersion: fromVersion + limit - 1,
      });
      if (currentVersion === 0) fail('notFound', `stream ${streamId} does not exist`);
      const last = events.at(-1)?.version ?? currentVersion;
      const next =
        last < currentVersion
          ? `/v1/streams/${encodeURIComponent(streamId)}/events?fromVersion=${last + 1}&limit=${limit}`
          : undefined;
      return c.json({ streamId, currentVersion, events, ...(next ? { next } : {}) });
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/events',
      operationId: 'readFeed',
      summary: 'Every event in global order',
      description:
        'Positions only grow in commit order: a reader that has seen position p never later finds a new event below p, so `next` is safe to poll.',
      tag: 'audit',
      query: feedQuery,
      responses: { 200: { description: 'One page of the feed', schema: feedPageSchema } },
    }),
    async (c) => {
      const { after, limit } = c.req.valid('query');
      const page = await deps.store.readAll({ after, limit });
      return c.json({ ...page, next: `/v1/events?after=${page.lastPosition}&limit=${limit}` });
    },
  );
}
