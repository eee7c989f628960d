import type { ApiKeyScope } from '@sluice/domain';

export type RequiredScope = ApiKeyScope | 'public';

/** Paths anyone may call: probes and the API description. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/v1/openapi.json']);

const PUBLISH_PATHS: ReadonlySet<string> = new Set(['/v1/jobs', '/v1/events']);

/**
 * The one rule for what a request needs, shared by the app and the Lambda authorizer so the two
 * can never disagree: reads need `read`, pipelines `publish` to submit jobs and report events, and
 * everything that changes definitions or cancels needs `admin`.
 */
export function requiredScope(method: string, path: string): RequiredScope {
  if (PUBLIC_PATHS.has(path)) return 'public';
  const verb = method.toUpperCase();
  if (verb === 'GET' || verb === 'HEAD') return 'read';
  if (verb === 'POST' && PUBLISH_PATHS.has(path)) return 'publish';
  return 'admin';
}

/** `admin` holds every right. */
export function grants(scopes: readonly ApiKeyScope[], needed: RequiredScope): boolean {
  return needed === 'public' || scopes.includes('admin') || scopes.includes(needed);
}
