import { AuthorizerContextVerifier, createApp, lambdaHandler } from '@sluice/api';
import { ProjectionReadModel, loadOnly } from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './runtime/cloudRuntime';
import { withLambdaLogging } from './runtime/lambdaLogger';
import { lazily } from './runtime/lazily';

/** The same app as on Node; API Gateway's authorizer has checked the key, so the app trusts its context. */
export async function createApiHandler(runtime: CloudRuntime) {
  const readModel = await ProjectionReadModel.start(runtime.store, {
    checkpoints: loadOnly(runtime.checkpoints),
  });
  const app = createApp({
    store: runtime.store,
    readModel,
    keys: new AuthorizerContextVerifier(),
    clock: runtime.clock,
    newId: runtime.newId,
    logger: runtime.logger,
  });
  return lambdaHandler(app);
}

type ApiHandler = Awaited<ReturnType<typeof createApiHandler>>;

export const handler = withLambdaLogging(
  lazily<Parameters<ApiHandler>[0], Awaited<ReturnType<ApiHandler>>>(() =>
    createApiHandler(createCloudRuntime(cloudConfigFromEnv())),
  ),
);
