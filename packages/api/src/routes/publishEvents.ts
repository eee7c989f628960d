import { applyPipelineEvent } from '../events/applyPipelineEvent';
import { BATCH_SEMANTICS } from '../events/batchSemantics';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { batchResultSchema, eventBatchSchema, type ItemResult } from '../schemas/pipelineEventSchemas';
import { actorOf } from './actor';

export function registerPublishEvents(api: RouteRegistrar): void {
  api.route({
    method: 'post',
    path: '/v1/events',
    operationId: 'publishEvents',
    summary: 'Report job progress and pool usage',
    description: BATCH_SEMANTICS,
    tag: 'events',
    body: eventBatchSchema,
    responses: {
      200: { description: 'Every event recorded (or recorded before)', schema: batchResultSchema },
      207: { description: 'Some events refused; see each result', schema: batchResultSchema },
    },
    async handle({ body, principal, deps, c }) {
      const ctx = { now: deps.clock().toISOString(), actor: actorOf(principal), newId: deps.newId };
      const results: ItemResult[] = [];
      // In order and one at a time: a batch often holds one job's start and its end.
      for (const [index, event] of body.events.entries())
        results.push(await applyPipelineEvent(deps.store, event, index, ctx));
      const rejected = results.filter((r) => r.status >= 300).length;
      return c.json({ accepted: results.length - rejected, rejected, results }, rejected === 0 ? 200 : 207);
    },
  });
}
