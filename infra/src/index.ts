import * as pulumi from '@pulumi/pulumi';
import { parseStageConfig } from './config/stageConfig';
import { rawStageConfig } from './config/readStageConfig';
import { sluiceStage } from './stack';

const outputs = sluiceStage(parseStageConfig(pulumi.getStack(), rawStageConfig(pulumi.runtime.allConfig())));

export const apiEndpoint = outputs.apiEndpoint;
export const publisherRoleArn = outputs.publisherRoleArn;
export const eventStoreTableName = outputs.eventStoreTableName;
export const projectionTableName = outputs.projectionTableName;
export const stateMachineArn = outputs.stateMachineArn;
export const eventBusName = outputs.eventBusName;
export const alarmTopicArn = outputs.alarmTopicArn;
export const dashboardName = outputs.dashboardName;
