import { fail } from '../http/problem';
import type { RouteRegistrar } from '../http/routeRegistrar';
import {
  feedPageSchema,
  feedQuery,
  streamPageSchema,
  streamParams,
  streamQuery,
} from '../schemas/feedSchemas';

export function registerAudit(api: RouteRegistrar): void {
  api.route({
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
    async handle({ params, query, deps, c }) {
      const { events, currentVersion } = await deps.store.readStream(params.streamId, {
        fromVersion: query.fromVersion,
        toVersion: query.fromVersion + query.limit - 1,
      });
      if (currentVersion === 0) fail('notFound', `stream ${params.streamId} does not exist`);
      const last = events.at(-1)?.version ?? currentVersion;
      const next =
        last < currentVersion
          ? `/v1/streams/${encodeURIComponent(params.streamId)}/events?fromVersion=${last + 1}&limit=${query.limit}`
          : undefined;
      return c.json({ streamId: params.streamId, currentVersion, events, ...(next ? { next } : {}) });
    },
  });

  api.route({
    method: 'get',
    path: '/v1/events',
    operationId: 'readFeed',
    summary: 'Every event in global order',
    description:
      'Positions only grow in commit order: a reader that has seen position p never later finds a new event below p, so `next` is safe to poll.',
    tag: 'audit',
    query: feedQuery,
    responses: { 200: { description: 'One page of the feed', schema: feedPageSchema } },
    async handle({ query, deps, c }) {
      const page = await deps.store.readAll({ after: query.after, limit: query.limit });
      return c.json({ ...page, next: `/v1/events?after=${page.lastPosition}&limit=${query.limit}` });
    },
  });
}
