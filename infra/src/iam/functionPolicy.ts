import type { StageConfig } from '../config/stageConfig';
import type { FunctionName } from '../functions/catalog';
import { FUNCTION_ACCESS, type Target } from './functionAccess';
import { policyDocument, type PolicyDocument, type PolicyStatement } from './policyDocument';

/** The ARNs a function's grants resolve against, once the resources exist. */
export interface AccessContext {
  partition: string;
  region: string;
  accountId: string;
  eventStoreTableArn: string;
  projectionTableArn: string;
  keyArn: string;
  stateMachineArn: string;
  busArn: string;
  logGroupArn: string;
  dlqArn?: string;
  backends: StageConfig['backends'];
}

/** The resources of each target; an empty list means the stage does not use it and the grant is left out. */
export function resolveTarget(target: Target, ctx: AccessContext): string[] {
  const arn = (service: string, resource: string) =>
    `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
  const { backends } = ctx;
  const glue = backends.glueJobs.length + backends.glueCrawlers.length + backends.glueConnections.length > 0;
  const batch = backends.batchJobQueues.length > 0;
  switch (target) {
    case 'eventStore':
      return [ctx.eventStoreTableArn];
    case 'eventStoreStream':
      return [`${ctx.eventStoreTableArn}/stream/*`];
    case 'streamAny':
      return ['*'];
    case 'projections':
      return [ctx.projectionTableArn];
    case 'key':
      return [ctx.keyArn];
    case 'stateMachine':
      return [ctx.stateMachineArn];
    case 'dlq':
      return ctx.dlqArn ? [ctx.dlqArn] : [];
    case 'bus':
      return [ctx.busArn];
    case 'logs':
      return [`${ctx.logGroupArn}:*`];
    case 'glueJob':
      return backends.glueJobs.map((name) => arn('glue', `job/${name}`));
    case 'glueCrawler':
      return backends.glueCrawlers.map((name) => arn('glue', `crawler/${name}`));
    case 'glueConnection':
      // GetConnection is authorised on the Data Catalog as well as on the connection.
      return backends.glueConnections.length
        ? [
            arn('glue', 'catalog'),
            ...backends.glueConnections.map((name) => arn('glue', `connection/${name}`)),
          ]
        : [];
    case 'glueQuota':
      return glue ? [arn('servicequotas', 'glue/*')] : [];
    case 'ec2Any':
      return backends.glueConnections.length ? ['*'] : [];
    case 'emrCluster':
      // Cluster ids are made when clusters start, so the grant covers this account's clusters in the region.
      return backends.emr ? [arn('elasticmapreduce', 'cluster/*')] : [];
    case 'emrAny':
      return backends.emr ? ['*'] : [];
    case 'batchSubmit':
      return batch
        ? [
            ...backends.batchJobQueues.map((name) => arn('batch', `job-queue/${name}`)),
            ...backends.batchJobDefinitions.flatMap((name) => [
              arn('batch', `job-definition/${name}`),
              arn('batch', `job-definition/${name}:*`),
            ]),
          ]
        : [];
    case 'batchJob':
      return batch ? [arn('batch', 'job/*')] : [];
    case 'batchAny':
      return batch ? ['*'] : [];
  }
}

/** The function's role policy: one statement per grant that applies to this stage. */
export function functionPolicy(name: FunctionName, ctx: AccessContext): PolicyDocument {
  const statements: PolicyStatement[] = [];
  for (const grant of FUNCTION_ACCESS[name]) {
    const resources = resolveTarget(grant.target, ctx);
    if (resources.length === 0) continue;
    statements.push({
      Sid: sid(grant.target),
      Effect: 'Allow',
      Action: [...grant.actions],
      Resource: resources,
      ...(grant.target === 'key'
        ? { Condition: { StringEquals: { 'kms:ViaService': keyServices(ctx) } } }
        : {}),
    });
  }
  return policyDocument(statements);
}

/** The key is only ever used by DynamoDB (tables, streams) and SQS (dead-letter queues) on the function's behalf. */
function keyServices(ctx: AccessContext): string[] {
  return [`dynamodb.${ctx.region}.amazonaws.com`, ...(ctx.dlqArn ? [`sqs.${ctx.region}.amazonaws.com`] : [])];
}

const sid = (target: Target) => target.replace(/(^|-)(\w)/g, (_m, _dash, c: string) => c.toUpperCase());
