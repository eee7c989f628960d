import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { isEventType, MAX_RECORDED_REASONS } from '@sluice/domain';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createAwsClient } from '@sluice/adapters';
import {
  ProjectionRunner,
  trackPendingIndex,
  SchedulerReactor,
  answerWaitingExecutions,
  createSluicePolicy,
  type CycleReport,
  type JobManagerDeps,
  type SchedulingPolicy,
  apiViews,
  loadOnly,
} from '@sluice/scheduler';
import { startExecutions } from './runtime/executionStarter';
import { cloudJobManagerDeps } from './runtime/jobManagerDeps';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime, type CloudRuntime } from './runtime/cloudRuntime';
import { withLambdaLogging } from './runtime/lambdaLogger';
import { lazily } from './runtime/lazily';
import { summarizeRecord, type RecordSummary } from './runtime/streamRecords';

export type SchedulerEvent = DynamoDBStreamEvent | ScheduledEvent;
export type SchedulerResult = DynamoDBBatchResponse | { cycle: CycleReport };

/**
 * Runs admission cycles in the cloud: on stream batches that carry events able to let a job in,
 * and on the EventBridge schedule as the safety tick. The reactor catches the views up from the
 * saved checkpoint before each cycle, and the stores' version guards keep racing instances honest.
 */
export interface JobManagerLink {
  deps: JobManagerDeps;
  sfn: SFNClient;
  stateMachineArn: string;
}

export async function createSchedulerHandler(
  runtime: CloudRuntime,
  policy: SchedulingPolicy = createSluicePolicy({ maxReasons: MAX_RECORDED_REASONS }),
  jobManager?: JobManagerLink,
) {
  // A warm container keeps the pending index between invocations: cycles read the queue unsorted.
  const indexing = trackPendingIndex(apiViews());
  const views = await ProjectionRunner.start(runtime.store, indexing.projection, {
    checkpoints: loadOnly(runtime.checkpoints),
  });
  const reactor = new SchedulerReactor({
    store: runtime.store,
    policy,
    views,
    pendingIndex: indexing.indexOf,
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
      if (jobManager) await driveJobManager(runtime, jobManager, records);
      return { batchItemFailures: [] };
    } catch (error) {
      runtime.logger.error({ err: error, records: records.length }, 'admission cycle failed');
      return { batchItemFailures: records.map((r) => ({ itemIdentifier: r.sequenceNumber })) };
    }
  };
}

/**
 * The batch's events in full (the stream record carries the type; the feed has the payload): new
 * jobs and retries get their execution, admitted or ended jobs answer the execution waiting on them.
 */
async function driveJobManager(
  runtime: CloudRuntime,
  link: JobManagerLink,
  records: RecordSummary[],
): Promise<void> {
  const positions = records
    .filter((r) => r.feedEventType && r.position !== undefined)
    .map((r) => r.position!);
  if (positions.length === 0) return;
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const page = await runtime.store.readAll({ after: first - 1, limit: last - first + 1 });
  const events = page.events.filter((e) => e.position <= last);
  await startExecutions(link.sfn, link.stateMachineArn, events);
  await answerWaitingExecutions(link.deps, events);
}

export const handler = withLambdaLogging(
  lazily(() => {
    const config = cloudConfigFromEnv();
    const runtime = createCloudRuntime(config);
    const jobManager = config.stateMachineArn
      ? {
          deps: cloudJobManagerDeps(runtime, config),
          sfn: createAwsClient(SFNClient, config.region ? { region: config.region } : {}),
          stateMachineArn: config.stateMachineArn,
        }
      : undefined;
    return createSchedulerHandler(runtime, undefined, jobManager);
  }),
);
