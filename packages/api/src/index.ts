export { createApp } from './app/createApp';
export { DEFAULT_RATE_LIMIT, type AppDeps } from './app/appDeps';
export type { ApiEnv } from './app/apiEnv';
export type { ReadModel } from './readModel/readModel';
export { ProjectionReadModel, type ProjectionReadModelOptions } from './readModel/projectionReadModel';
export { apiViews, API_VIEWS_NAME, type ApiViews } from './readModel/apiViews';
export { loadOnly } from './readModel/loadOnlyCheckpoints';
export type { ApiKeyVerifier, Credentials, Principal } from './auth/apiKeyVerifier';
export { ViewKeyVerifier } from './auth/viewKeyVerifier';
export { AuthorizerContextVerifier } from './auth/authorizerContextVerifier';
export { issueApiKey, revokeApiKey, type IssuedApiKey } from './auth/issueApiKey';
export { requiredScope, grants, type RequiredScope } from './auth/scopes';
export type { RateLimit } from './http/tokenBucket';
export { createLogger, silentLogger, type Logger } from './logging/logger';
export { serveNode, type RunningServer } from './node/serveNode';
export {
  DynamoCheckpointStore,
  createProjectionTable,
  projectionTableDefinition,
} from './lambda/dynamoCheckpointStore';
export { newUlidFactory } from './ids/ulidFactory';
export { cloudConfigFromEnv, type CloudConfig } from './lambda/cloudConfig';
export { createCloudRuntime, type CloudRuntime } from './lambda/cloudRuntime';
export { lazily } from './lambda/lazily';
