import { defineTemplate } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { fail } from '../http/problem';
import {
  templateBodySchema,
  templateListSchema,
  templateParams,
  templateSchema,
} from '../schemas/definitionSchemas';
import { actorOf, principalOf } from './actor';

export function registerTemplates(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'put',
      path: '/v1/templates/{name}',
      operationId: 'defineTemplate',
      summary: 'Define or redefine a job template',
      description:
        'Jobs submitted from a template copy its fields when submitted: redefining it never changes jobs already submitted.',
      tag: 'templates',
      params: templateParams,
      body: templateBodySchema,
      maxBodyBytes: deps.maxBodyBytes,
      responses: {
        201: { description: 'Defined', schema: templateSchema },
        200: { description: 'Redefined', schema: templateSchema },
      },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const result = await defineTemplate(deps.store, { ...c.req.valid('json'), name }, {
        now: deps.clock().toISOString(),
        actor: actorOf(principalOf(c)),
        newEventId: deps.newId,
      });
      const template = (await deps.readModel.current()).templates.templates[name];
      return c.json(template, result.nextExpectedVersion === 1 ? 201 : 200);
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/templates',
      operationId: 'listTemplates',
      summary: 'Every job template',
      tag: 'templates',
      responses: { 200: { description: 'Templates by name', schema: templateListSchema } },
    }),
    async (c) => {
      const templates = Object.values((await deps.readModel.current()).templates.templates).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      );
      return c.json({ templates });
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/templates/{name}',
      operationId: 'getTemplate',
      summary: 'One job template',
      tag: 'templates',
      params: templateParams,
      responses: {
        200: { description: 'The template', schema: templateSchema },
        404: { description: 'No such template' },
      },
    }),
    async (c) => {
      const { name } = c.req.valid('param');
      const template = (await deps.readModel.current()).templates.templates[name];
      if (!template) fail('notFound', `template ${name} does not exist`);
      return c.json(template);
    },
  );
}
