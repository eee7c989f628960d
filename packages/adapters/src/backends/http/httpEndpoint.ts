import { z } from 'zod';

/** Where an on-premises service answers, and how to authenticate to it. */
export const httpEndpointSchema = z.object({
  url: z.url(),
  /** Sent as `Authorization: Bearer <token>`. */
  bearerToken: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().positive().default(10_000),
});

export type HttpEndpoint = z.output<typeof httpEndpointSchema>;
export type HttpEndpointInput = z.input<typeof httpEndpointSchema>;

/**
 * An endpoint from an environment the caller passes (the wiring reads it, not this library):
 * `<PREFIX>_URL`, and `<PREFIX>_TOKEN` when set. Tokens stay out of pool configs (which are
 * events, kept forever): configs name the variable, not the secret.
 */
export function endpointFromEnv(prefix: string, env: NodeJS.ProcessEnv): HttpEndpoint {
  const url = env[`${prefix}_URL`];
  if (!url) throw new Error(`${prefix}_URL is not set`);
  const token = env[`${prefix}_TOKEN`];
  return httpEndpointSchema.parse({ url, ...(token ? { bearerToken: token } : {}) });
}
