import { BackendBusyError, BackendRejectedError } from '@sluice/domain';
import type { HttpEndpoint } from './httpEndpoint';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  /** From a `Retry-After` header given in seconds. */
  retryAfterSeconds?: number;
}

/** The request never got an answer (refused, reset, timed out). */
export class HttpUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`${url} did not answer: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'HttpUnreachableError';
  }
}

/** Sends a JSON request to an endpoint and returns status and parsed body, whatever the status. */
export async function requestJson<T = unknown>(
  endpoint: HttpEndpoint,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const url = new URL(
    path.replace(/^\//, ''),
    endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`,
  );
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(endpoint.bearerToken ? { authorization: `Bearer ${endpoint.bearerToken}` } : {}),
        ...endpoint.headers,
        ...options.headers,
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (error) {
    throw new HttpUnreachableError(url.toString(), error);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the text for the message.
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return {
    status: response.status,
    body: body as T,
    ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
  };
}

/** The service answered with a status the caller did not expect. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/** Returns the body when the status is one of `ok`, else throws with the service's own words. */
export function expectStatus<T>(response: JsonResponse<T>, ok: number[], what: string): T {
  if (ok.includes(response.status)) return response.body;
  throw new HttpStatusError(
    response.status,
    `${what} answered ${response.status}: ${describeBody(response.body)}`,
    response.retryAfterSeconds,
  );
}

/**
 * Maps a failed start to the port's refusals: unreachable, 408, 429 and 5xx are "not now";
 * other 4xx answers are "never", with the service's message. Anything else (a bug) is returned
 * as it is, for the runner's bounded retries.
 */
export function toHttpStartError(backend: string, error: unknown): Error {
  if (error instanceof BackendBusyError || error instanceof BackendRejectedError) return error;
  if (error instanceof HttpUnreachableError) return new BackendBusyError(backend, error.message);
  if (error instanceof HttpStatusError) {
    if (error.status === 408 || error.status === 429 || error.status >= 500) {
      return new BackendBusyError(backend, error.message, error.retryAfterSeconds);
    }
    return new BackendRejectedError(backend, error.message);
  }
  return error instanceof Error ? error : new Error(String(error));
}

export function describeBody(body: unknown): string {
  if (body === undefined) return '(empty)';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
