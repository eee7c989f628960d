import { BackendBusyError, BackendRejectedError } from '@sluice/domain';

/** Error names AWS uses for "slow down" across services. */
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'KmsThrottlingException',
]);

/** What the SDK's own retry strategy treats as a lost or timed-out request. */
const NETWORK_ERROR_CODES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);

interface AwsErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number };
}

export function awsErrorName(error: unknown): string {
  return (error as AwsErrorShape | undefined)?.name ?? 'Error';
}

export function isAwsError(error: unknown, ...names: string[]): boolean {
  return names.includes(awsErrorName(error));
}

/** Throttled, a 5xx, or a network failure: the same request may well succeed later. */
export function isTransientAwsError(error: unknown): boolean {
  const e = (error ?? {}) as AwsErrorShape;
  if (THROTTLING_NAMES.has(e.name ?? '')) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  if (e.$fault === 'server') return true;
  return NETWORK_ERROR_CODES.has(e.name ?? '') || NETWORK_ERROR_CODES.has(e.code ?? '');
}

/** An answer from the service (it has an HTTP status): the request was refused, not lost. */
export function isServiceAnswer(error: unknown): boolean {
  return (error as AwsErrorShape | undefined)?.$metadata?.httpStatusCode !== undefined;
}

/**
 * Maps a failed start to the port's two refusals: "not now" (throttling, a concurrency limit,
 * a transient fault, and the backend-specific names in `busyNames`) or "never" (any other answer
 * from the service, with its own message so the job's failure explains itself). An error that is
 * neither (a bug, an unexpected shape) is returned as it is: the runner retries those a bounded
 * number of times instead of waiting forever or failing the job for good.
 */
export function toStartError(backend: string, error: unknown, busyNames: readonly string[] = []): Error {
  if (error instanceof BackendBusyError || error instanceof BackendRejectedError) return error;
  const name = awsErrorName(error);
  const message = (error as AwsErrorShape | undefined)?.message ?? String(error);
  if (busyNames.includes(name) || isTransientAwsError(error)) {
    return new BackendBusyError(backend, `${name}: ${message}`);
  }
  if (!isServiceAnswer(error)) return error instanceof Error ? error : new Error(message);
  return new BackendRejectedError(backend, `${name}: ${message}`);
}
