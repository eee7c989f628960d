import { handlePoolCommand, poolEntryOf, poolListing } from '@sluice/scheduler';
import type { RouteRegistrar } from '../http/routeRegistrar';
import { idParams } from '../schemas/common';
import { poolBodySchema, poolListSchema, poolSchema } from '../schemas/definitionSchemas';
import { actorOf } from './actor';

export function registerPools(api: RouteRegistrar): void {
  api.route({
    method: 'get',
    path: '/v1/pools',
    operationId: 'listPools',
    summary: 'Pools with capacity, quota, reserved, observed and headroom per dimension',
    tag: 'pools',
    responses: { 200: { description: 'Every pool', schema: poolListSchema } },
    async handle({ deps, c }) {
      return c.json({ pools: poolListing(await deps.readModel.current()) });
    },
  });

  api.route({
    method: 'put',
    path: '/v1/pools/{id}',
    operationId: 'registerPool',
    summary: 'Register a pool or update its definition',
    description:
      'Capacity, quotas, cohort and lending limit are declared whole; reservations already held are kept.',
    tag: 'pools',
    params: idParams,
    body: poolBodySchema,
    responses: {
      201: { description: 'Registered', schema: poolSchema },
      200: { description: 'Updated', schema: poolSchema },
    },
    async handle({ params, body, principal, deps, c }) {
      const result = await handlePoolCommand(
        deps.store,
        params.id,
        { type: 'RegisterPool', data: { ...body, poolId: params.id } },
        { now: deps.clock().toISOString(), actor: actorOf(principal), newEventId: deps.newId },
      );
      const pool = (await deps.readModel.current()).capacity.pools[params.id]!;
      return c.json(poolEntryOf(pool), result.versions[0] === 1 ? 201 : 200);
    },
  });
}
