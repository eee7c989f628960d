import { setSharePolicy } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { policyBodySchema } from '../schemas/definitionSchemas';
import { actorOf, principalOf } from './actor';

export function registerPolicy(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'put',
      path: '/v1/policy',
      operationId: 'setPolicy',
      summary: 'Replace the share policy: shares, classes, aging and caps',
      tag: 'policy',
      body: policyBodySchema,
      maxBodyBytes: deps.maxBodyBytes,
      responses: { 200: { description: 'The policy now in force', schema: policyBodySchema } },
    }),
    async (c) => {
      await setSharePolicy(deps.store, c.req.valid('json'), {
        now: deps.clock().toISOString(),
        actor: actorOf(principalOf(c)),
        newEventId: deps.newId,
      });
      return c.json((await deps.readModel.current()).policy);
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/policy',
      operationId: 'getPolicy',
      summary: 'The share policy in force',
      tag: 'policy',
      responses: { 200: { description: 'The policy', schema: policyBodySchema } },
    }),
    async (c) => c.json((await deps.readModel.current()).policy),
  );
}
