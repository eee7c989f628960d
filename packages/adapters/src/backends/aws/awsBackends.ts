import { BatchClient } from '@aws-sdk/client-batch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EMRClient } from '@aws-sdk/client-emr';
import { GlueClient } from '@aws-sdk/client-glue';
import { SFNClient } from '@aws-sdk/client-sfn';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { Backend, BackendPort } from '@sluice/domain';
import { BatchBackend } from '../batch/batchBackend';
import { EmrStepBackend } from '../emr/emrStepBackend';
import { GlueCrawlerBackend } from '../glue/glueCrawlerBackend';
import { GlueJobBackend } from '../glue/glueJobBackend';
import type { KeyValueStore } from '../../stores/dynamodb/keyValue/keyValueStore';
import { StepFunctionsBackend } from '../stepfunctions/stepFunctionsBackend';
import { createAwsClient, type AwsClientSettings } from './awsClientOptions';

/**
 * The AWS backends, one client each, for the cloud job manager and reconciler. On-prem backends
 * need endpoints and tokens from configuration and are added by whoever has them.
 */
export function awsBackends(settings: AwsClientSettings & { crawlerStarts?: KeyValueStore } = {}): Partial<Record<Backend, BackendPort>> {
  const { crawlerStarts, ...client } = settings;
  const glue = createAwsClient(GlueClient, client);
  return {
    glue: new GlueJobBackend({
      glue,
      serviceQuotas: createAwsClient(ServiceQuotasClient, client),
      ec2: createAwsClient(EC2Client, client),
    }),
    'glue-crawler': new GlueCrawlerBackend({ glue, ...(crawlerStarts ? { starts: crawlerStarts } : {}) }),
    emr: new EmrStepBackend({ client: createAwsClient(EMRClient, client) }),
    batch: new BatchBackend({ client: createAwsClient(BatchClient, client) }),
    stepfunctions: new StepFunctionsBackend({ client: createAwsClient(SFNClient, client) }),
  };
}
