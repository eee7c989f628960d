import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { StageConfig } from '../config/stageConfig';
import { physicalName } from '../naming';

/** Where every alarm goes; subscribe a pager or chat integration to it, or set sluice:alarmEmail. */
export function alarmTopic(config: StageConfig, keyId: pulumi.Input<string>): aws.sns.Topic {
  const topic = new aws.sns.Topic(physicalName(config.stage, 'alarms'), {
    name: physicalName(config.stage, 'alarms'),
    kmsMasterKeyId: keyId,
    tags: config.tags,
  });
  if (config.alarmEmail) {
    new aws.sns.TopicSubscription(physicalName(config.stage, 'alarms-email'), {
      topic: topic.arn,
      protocol: 'email',
      endpoint: config.alarmEmail,
    });
  }
  return topic;
}
