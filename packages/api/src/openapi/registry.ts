import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import './zod';

export const BEARER_SCHEME = 'apiKey';

export function newApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key issued with scopes publish, read and/or admin; `x-api-key: <key>` works too.',
  });
  return registry;
}
