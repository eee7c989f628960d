import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import type { DlqName } from '../data/deadLetterQueues';
import { physicalName } from '../naming';
import { FUNCTION_NAMES, FUNCTION_SPECS, type FunctionName } from '../functions/catalog';
import { functionOf, type StageFunctions } from './lambdas';

/**
 * Only the feed copy of each new event (`$all#<bucket>` items) is delivered: the consumers read
 * events from the store's feed and use records only to learn how far to catch up, so the heads,
 * guards and stream items of an append would be wasted invocations.
 */
export const FEED_INSERTS_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { pk: { S: [{ prefix: '$all#' }] } } },
};

/**
 * The scheduler should react within a second. The projector may wait: readers catch up from the
 * feed themselves, and each of its invocations saves the whole checkpoint, so fewer, larger
 * batches cut its write cost roughly tenfold.
 */
export const BATCHING_WINDOW_SECONDS: Partial<Record<FunctionName, number>> = { scheduler: 1, projector: 10 };

/**
 * The event-store stream feeds the projector and the scheduler. Failed records are retried in
 * halves (so one bad record cannot hold a batch back), reported one by one, and after the last
 * retry described in the function's dead-letter queue. Nothing is lost that way: the next batch
 * reads the feed from the saved position again.
 */
export function streamMappings(
  config: StageConfig,
  functions: StageFunctions,
  streamArn: pulumi.Input<string>,
  dlqs: Map<DlqName, aws.sqs.Queue>,
  policies: Map<FunctionName, aws.iam.RolePolicy>,
): aws.lambda.EventSourceMapping[] {
  return FUNCTION_NAMES.filter((name) => FUNCTION_SPECS[name].streamConsumer).map((name) => {
    const dlq = dlqs.get(name);
    if (!dlq) throw new Error(`${name} reads the stream but has no dead-letter queue`);
    return new aws.lambda.EventSourceMapping(
      physicalName(config.stage, `${name}-stream`),
      {
        eventSourceArn: streamArn,
        functionName: functionOf(functions, name).fn.arn,
        startingPosition: 'TRIM_HORIZON',
        batchSize: 100,
        maximumBatchingWindowInSeconds: BATCHING_WINDOW_SECONDS[name] ?? 1,
        parallelizationFactor: 1,
        bisectBatchOnFunctionError: true,
        functionResponseTypes: ['ReportBatchItemFailures'],
        maximumRetryAttempts: 10,
        maximumRecordAgeInSeconds: 6 * 3600,
        destinationConfig: { onFailure: { destinationArn: dlq.arn } },
        filterCriteria: { filters: [{ pattern: JSON.stringify(FEED_INSERTS_FILTER) }] },
        tags: config.tags,
      },
      // Lambda checks at creation that the role can read the stream and write the queue.
      { dependsOn: [policies.get(name)!] },
    );
  });
}
