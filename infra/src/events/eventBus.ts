import * as aws from '@pulumi/aws';
import type { StageConfig } from '../config/stageConfig';
import { physicalName } from '../naming';

/**
 * The stage's bus: the projector publishes job outcomes (source `sluice`, detail-type the event
 * type) so pipelines can start downstream work with a rule instead of polling the API.
 */
export function eventBus(config: StageConfig): aws.cloudwatch.EventBus {
  return new aws.cloudwatch.EventBus(physicalName(config.stage, 'bus'), {
    name: physicalName(config.stage, 'bus'),
    tags: config.tags,
  });
}
