import { z } from 'zod';
import { resourceVectorSchema } from '../resources/resourceVector';
import { identifierSchema } from './common';
import { backendSchema, jobSubmittedSchema } from './jobEvents';

/**
 * A reusable job definition. A job submitted from a template copies what it needs at submission,
 * so redefining a template never changes jobs already submitted.
 */
export const templateDefinedSchema = z.strictObject({
  name: identifierSchema,
  backend: backendSchema,
  spec: z.record(z.string(), z.unknown()),
  demand: resourceVectorSchema,
  priorityClass: identifierSchema,
  pools: z.array(identifierSchema).min(1).max(100),
  jobName: z.string().min(1).max(255).optional(),
  estimateSeconds: z.number().positive().finite().optional(),
  /** Copied into each job made from the template, with the same bounds as a job's own. */
  timeoutSeconds: jobSubmittedSchema.shape.timeoutSeconds,
  maxAttempts: z.number().int().min(1).max(100).optional(),
  description: z.string().max(2000).optional(),
});

export const API_KEY_SCOPES = ['publish', 'read', 'admin'] as const;
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

/** Only the key's SHA-256 is recorded: the secret itself is shown once, to whoever issued it. */
export const apiKeyIssuedSchema = z.strictObject({
  keyId: identifierSchema,
  name: z.string().min(1).max(200),
  scopes: z.array(apiKeyScopeSchema).min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
});

export const apiKeyRevokedSchema = z.strictObject({
  keyId: identifierSchema,
  reason: z.string().max(2000).optional(),
});

export type TemplateDefinedData = z.infer<typeof templateDefinedSchema>;
export type ApiKeyIssuedData = z.infer<typeof apiKeyIssuedSchema>;
export type ApiKeyRevokedData = z.infer<typeof apiKeyRevokedSchema>;
