import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ProjectionRunner, apiViews, type ApiViews, loadOnly } from '@sluice/scheduler';
import { projectorMetrics, type ProjectorMetricsOptions } from './metrics/projectorMetrics';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './runtime/cloudRuntime';
import { withLambdaLogging } from './runtime/lambdaLogger';
import { lazily } from './runtime/lazily';
import { summarizeRecord } from './runtime/streamRecords';

/**
 * Keeps the saved views caught up as the event store's stream reports new items. It reads the
 * events from the store's feed rather than from the records, so the views see every event in
 * position order even when batches overlap or arrive late; the records only say how far it must
 * get. Records it could not cover are reported as failures, so Lambda hands them over again.
 */
export async function createProjectorHandler(runtime: CloudRuntime, metrics: ProjectorMetricsOptions = {}) {
  const projection = apiViews();
  const workload = projectorMetrics(metrics);
  let runner: ProjectionRunner<ApiViews> | undefined;
  let saved = 0;
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = event.Records.map(summarizeRecord);
    try {
      if (!runner) {
        const checkpoint = await runtime.checkpoints.load<ApiViews>(projection.name);
        saved = checkpoint?.position ?? 0;
        runner = await ProjectionRunner.start(runtime.store, projection, {
          checkpoints: loadOnly(runtime.checkpoints),
        });
      }
      await runner.catchUp();
      if (runner.checkpoint > saved) {
        await runtime.checkpoints.save(projection.name, { position: runner.checkpoint, state: runner.state });
        saved = runner.checkpoint;
      }
      workload.publish(runner.state, runtime.clock(), runtime.logger);
    } catch (error) {
      runtime.logger.error({ err: error, saved, records: records.length }, 'projector could not catch up');
      // The in-memory views may be ahead of or out of step with the saved ones: start over from the checkpoint.
      runner = undefined;
    }
    const failures = records.filter((r) =>
      r.position === undefined ? runner === undefined : r.position > saved,
    );
    if (failures.length === 0)
      runtime.logger.info({ position: saved, records: records.length }, 'views saved');
    return { batchItemFailures: failures.map((r) => ({ itemIdentifier: r.sequenceNumber })) };
  };
}

export const handler = withLambdaLogging(
  lazily(() => createProjectorHandler(createCloudRuntime(cloudConfigFromEnv()))),
);
