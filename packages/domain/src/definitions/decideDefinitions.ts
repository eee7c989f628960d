import type { z } from 'zod';
import type { EventInput } from '../events/catalogue';
import type { apiKeyIssuedSchema, apiKeyRevokedSchema, templateDefinedSchema } from '../events/templateEvents';

/**
 * Templates and API keys are definitions, not lifecycles: each command has one event. They still
 * go through a decider so every write in Sluice has the same shape (command -> decide -> append).
 */
export type DefinitionCommand =
  | { type: 'DefineTemplate'; data: z.input<typeof templateDefinedSchema> }
  | { type: 'IssueApiKey'; data: z.input<typeof apiKeyIssuedSchema> }
  | { type: 'RevokeApiKey'; data: z.input<typeof apiKeyRevokedSchema> };

export function decideDefinition(command: DefinitionCommand): EventInput[] {
  switch (command.type) {
    case 'DefineTemplate':
      return [{ type: 'TemplateDefined', data: command.data }];
    case 'IssueApiKey':
      return [{ type: 'ApiKeyIssued', data: command.data }];
    case 'RevokeApiKey':
      return [{ type: 'ApiKeyRevoked', data: command.data }];
  }
}
