import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { isEventType } from '@sluice/domain';
import {
  ProjectionRunner,
  SchedulerReactor,
  sluicePolicy,
  type CycleReport,
  type SchedulingPolicy,
} from '@sluice/scheduler';
import { apiViews } from '../readModel/apiViews';
import { loadOnly } from '../readModel/loadOnlyCheckpoints';
import { cloudConfigFromEnv } from './cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './cloudRuntime';
import { lazily } from './lazily';
import { summarizeRecord } from './streamRecords';

export type SchedulerEvent = DynamoDBStreamEvent | ScheduledEvent;
export type SchedulerResult = DynamoDBBatchResponse | { cycle: CycleReport };

/**
 * Runs admission cycles in the cloud: on stream batches that carry events able to let a job in,
 * and on the EventBridge schedule as the safety tick. The reactor catches the views up from the
 * saved checkpoint before each cycle, and the stores' version guards keep racing instances honest.
 */
export async function createSchedulerHandler(runtime: CloudRuntime, policy: SchedulingPolicy = sluicePolicy) {
  const views = await ProjectionRunner.start(runtime.store, apiViews(), {
    checkpoints: loadOnly(runtime.checkpoints),
  });
  const reactor = new SchedulerReactor({
    store: runtime.store,
    policy,
    views,
    instanceId: runtime.instanceId,
    clock: runtime.clock,
    newEventId: runtime.newId,
    onCycle: (report) => runtime.logger.info({ ...report }, 'admission cycle'),
  });
  return async (event: SchedulerEvent): Promise<SchedulerResult> => {
    if (!('Records' in event)) return { cycle: await reactor.runCycle() };
    const records = event.Records.map(summarizeRecord);
    try {
      const events = records.flatMap((r) =>
        r.feedEventType && isEventType(r.feedEventType) ? [{ type: r.feedEventType }] : [],
      );
      await reactor.notify(events);
      return { batchItemFailures: [] };
    } catch (error) {
      runtime.logger.error({ err: error, records: records.length }, 'admission cycle failed');
      return { batchItemFailures: records.map((r) => ({ itemIdentifier: r.sequenceNumber })) };
    }
  };
}

export const handler = lazily(() => createSchedulerHandler(createCloudRuntime(cloudConfigFromEnv())));
