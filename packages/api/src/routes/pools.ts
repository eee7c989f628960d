import { handlePoolCommand, poolEntryOf, poolListing } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { idParams } from '../schemas/common';
import { poolBodySchema, poolListSchema, poolSchema } from '../schemas/definitionSchemas';
import { actorOf, principalOf } from './actor';

export function registerPools(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/pools',
      operationId: 'listPools',
      summary: 'Pools with capacity, quota, reserved, observed and headroom per dimension',
      tag: 'pools',
      responses: { 200: { description: 'Every pool', schema: poolListSchema } },
    }),
    async (c) => c.json({ pools: poolListing(await deps.readModel.current()) }),
  );

  app.openapi(
    apiRoute({
      method: 'put',
      path: '/v1/pools/{id}',
      operationId: 'registerPool',
      summary: 'Register a pool or update its definition',
      description:
        'Capacity, quotas, cohort and lending limit are declared whole; reservations already held are kept.',
      tag: 'pools',
      params: idParams,
      body: poolBodySchema,
      maxBodyBytes: deps.maxBodyBytes,
      responses: {
        201: { description: 'Registered', schema: poolSchema },
        200: { description: 'Updated', schema: poolSchema },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await handlePoolCommand(
        deps.store,
        id,
        { type: 'RegisterPool', data: { ...c.req.valid('json'), poolId: id } },
        { now: deps.clock().toISOString(), actor: actorOf(principalOf(c)), newEventId: deps.newId },
      );
      const pool = (await deps.readModel.current()).capacity.pools[id]!;
      return c.json(poolEntryOf(pool), result.versions[0] === 1 ? 201 : 200);
    },
  );
}
