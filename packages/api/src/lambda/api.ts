import { handle } from 'hono/aws-lambda';
import { createApp } from '../app/createApp';
import { AuthorizerContextVerifier } from '../auth/authorizerContextVerifier';
import { loadOnly } from '../readModel/loadOnlyCheckpoints';
import { ProjectionReadModel } from '../readModel/projectionReadModel';
import { cloudConfigFromEnv } from './cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './cloudRuntime';
import { lazily } from './lazily';

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
  return handle(app);
}

type ApiHandler = Awaited<ReturnType<typeof createApiHandler>>;

export const handler = lazily<Parameters<ApiHandler>[0], Awaited<ReturnType<ApiHandler>>>(() =>
  createApiHandler(createCloudRuntime(cloudConfigFromEnv())),
);
