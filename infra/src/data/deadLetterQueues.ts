import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import { functionsWithDlq, type FunctionName } from '../functions/catalog';
import { physicalName } from '../naming';

export type DlqName = FunctionName | 'schedules';

/**
 * One encrypted queue per source of lost work: each stream consumer and asynchronously invoked
 * function, and the schedules themselves (deliveries EventBridge Scheduler gave up on). Separate
 * queues make the alarm say which path is failing. Messages are kept for the 14-day maximum so
 * there is time to replay them after a fix.
 */
export function deadLetterQueues(
  config: StageConfig,
  keyArn: aws.kms.Key['arn'],
): Map<DlqName, aws.sqs.Queue> {
  const queues = new Map<DlqName, aws.sqs.Queue>();
  for (const name of [...functionsWithDlq(), 'schedules' as const]) {
    const queueName = physicalName(config.stage, `${name}-dlq`);
    queues.set(
      name,
      new aws.sqs.Queue(queueName, {
        name: queueName,
        kmsMasterKeyId: keyArn,
        kmsDataKeyReusePeriodSeconds: 3600,
        messageRetentionSeconds: 14 * 24 * 3600,
        tags: config.tags,
      }),
    );
  }
  return queues;
}
