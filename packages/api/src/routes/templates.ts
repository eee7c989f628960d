import { defineTemplate } from '@sluice/scheduler';
import { fail } from '../http/problem';
import type { RouteRegistrar } from '../http/routeRegistrar';
import {
  templateBodySchema,
  templateListSchema,
  templateParams,
  templateSchema,
} from '../schemas/definitionSchemas';
import { actorOf } from './actor';

export function registerTemplates(api: RouteRegistrar): void {
  api.route({
    method: 'put',
    path: '/v1/templates/{name}',
    operationId: 'defineTemplate',
    summary: 'Define or redefine a job template',
    description:
      'Jobs submitted from a template copy its fields when submitted: redefining it never changes jobs already submitted.',
    tag: 'templates',
    params: templateParams,
    body: templateBodySchema,
    responses: {
      201: { description: 'Defined', schema: templateSchema },
      200: { description: 'Redefined', schema: templateSchema },
    },
    async handle({ params, body, principal, deps, c }) {
      const result = await defineTemplate(deps.store, { ...body, name: params.name }, {
        now: deps.clock().toISOString(),
        actor: actorOf(principal),
        newEventId: deps.newId,
      });
      const template = (await deps.readModel.current()).templates.templates[params.name];
      return c.json(template, result.nextExpectedVersion === 1 ? 201 : 200);
    },
  });

  api.route({
    method: 'get',
    path: '/v1/templates',
    operationId: 'listTemplates',
    summary: 'Every job template',
    tag: 'templates',
    responses: { 200: { description: 'Templates by name', schema: templateListSchema } },
    async handle({ deps, c }) {
      const templates = Object.values((await deps.readModel.current()).templates.templates).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      );
      return c.json({ templates });
    },
  });

  api.route({
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
    async handle({ params, deps, c }) {
      const template = (await deps.readModel.current()).templates.templates[params.name];
      if (!template) fail('notFound', `template ${params.name} does not exist`);
      return c.json(template);
    },
  });
}
