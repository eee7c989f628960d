import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { applyPipelineEvent } from '../events/applyPipelineEvent';
import { BATCH_SEMANTICS } from '../events/batchSemantics';
import { apiRoute } from '../http/apiRoute';
import { batchResultSchema, eventBatchSchema, type ItemResult } from '../schemas/pipelineEventSchemas';
import { actorOf, principalOf } from './actor';

export function registerPublishEvents(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'post',
      path: '/v1/events',
      operationId: 'publishEvents',
      summary: 'Report job progress and pool usage',
      description: BATCH_SEMANTICS,
      tag: 'events',
      body: eventBatchSchema,
      maxBodyBytes: deps.maxBodyBytes,
      responses: {
        200: { description: 'Every event recorded (or recorded before)', schema: batchResultSchema },
        207: { description: 'Some events refused; see each result', schema: batchResultSchema },
      },
    }),
    async (c) => {
      const ctx = { now: deps.clock().toISOString(), actor: actorOf(principalOf(c)), newId: deps.newId };
      const results: ItemResult[] = [];
      // In order and one at a time: a batch often holds one job's start and its end.
      for (const [index, event] of c.req.valid('json').events.entries())
        results.push(await applyPipelineEvent(deps.store, event, index, ctx));
      const rejected = results.filter((r) => r.status >= 300).length;
      return c.json({ accepted: results.length - rejected, rejected, results }, rejected === 0 ? 200 : 207);
    },
  );
}
