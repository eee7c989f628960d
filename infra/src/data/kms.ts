import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import { physicalName } from '../naming';

export interface StageKey {
  key: aws.kms.Key;
  alias: aws.kms.Alias;
}

/**
 * The stage's customer-managed key: tables, queues and the alarm topic are encrypted with it.
 * The account root statement lets IAM policies grant its use (each role names only this key);
 * CloudWatch alarms need it to publish to the encrypted topic.
 */
export function stageKey(
  config: StageConfig,
  accountId: pulumi.Input<string>,
  partition: pulumi.Input<string>,
): StageKey {
  const key = new aws.kms.Key(physicalName(config.stage, 'key'), {
    description: `Sluice ${config.stage}: event store, projections, queues and alarm topic`,
    enableKeyRotation: true,
    deletionWindowInDays: config.deletionProtection ? 30 : 7,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AccountAdministersTheKey',
          Effect: 'Allow',
          Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'AlarmsPublishToTheEncryptedTopic',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
        },
      ],
    }),
    tags: config.tags,
  });
  const alias = new aws.kms.Alias(physicalName(config.stage, 'key-alias'), {
    name: `alias/${physicalName(config.stage, 'data')}`,
    targetKeyId: key.keyId,
  });
  return { key, alias };
}
