/**
 * Options every AWS client Sluice builds shares. Credentials and region come from the standard
 * AWS chain (environment, shared config and SSO profiles, container and instance roles) unless
 * given here, so the same code runs on a laptop, in Lambda and on ECS.
 *
 * `retryMode: 'adaptive'` adds a client-side token bucket on top of the standard exponential
 * backoff: once AWS starts throttling (Glue's StartJobRun and StartCrawler are tight), the client
 * slows its own request rate instead of burning retries. What still fails after `maxAttempts`
 * reaches the adapter, which turns throttling into `BackendBusyError` so the job waits admitted.
 */
export interface AwsClientSettings {
  region?: string;
  /** A local endpoint (tests, LocalStack); normally unset. */
  endpoint?: string;
  maxAttempts?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface AwsClientOptions extends AwsClientSettings {
  retryMode: 'adaptive';
  maxAttempts: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

export function awsClientOptions(settings: AwsClientSettings = {}): AwsClientOptions {
  return {
    ...settings,
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  };
}

/** Builds any v3 client with the shared options: `createAwsClient(GlueClient, { region })`. */
export function createAwsClient<C>(
  Client: new (options: AwsClientOptions) => C,
  settings: AwsClientSettings = {},
): C {
  return new Client(awsClientOptions(settings));
}
