import { setSharePolicy } from '@sluice/scheduler';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { policyBodySchema } from '../schemas/definitionSchemas';
import { actorOf } from './actor';

export function registerPolicy(api: RouteRegistrar): void {
  api.route({
    method: 'put',
    path: '/v1/policy',
    operationId: 'setPolicy',
    summary: 'Replace the share policy: shares, classes, aging and caps',
    tag: 'policy',
    body: policyBodySchema,
    responses: { 200: { description: 'The policy now in force', schema: policyBodySchema } },
    async handle({ body, principal, deps, c }) {
      await setSharePolicy(deps.store, body, {
        now: deps.clock().toISOString(),
        actor: actorOf(principal),
        newEventId: deps.newId,
      });
      return c.json((await deps.readModel.current()).policy);
    },
  });

  api.route({
    method: 'get',
    path: '/v1/policy',
    operationId: 'getPolicy',
    summary: 'The share policy in force',
    tag: 'policy',
    responses: { 200: { description: 'The policy', schema: policyBodySchema } },
    async handle({ deps, c }) {
      return c.json((await deps.readModel.current()).policy);
    },
  });
}
