/**
 * An error shaped as the AWS SDK throws it for a service refusal: the service's error name, its
 * message, the HTTP status, and whether the client or the server is at fault.
 */
export function awsServiceError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'test-request', attempts: 1, totalRetryDelay: 0 },
  });
}

/** Static credentials and region, so building a client never reads the machine's AWS setup. */
export const TEST_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
} as const;

/** A request that got no answer (timeout, reset): the SDK's error carries no HTTP status. */
export function awsNetworkError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { attempts: 3, totalRetryDelay: 0 } });
}
