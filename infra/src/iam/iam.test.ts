import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, FUNCTION_ACCESS } from './functionAccess';
import { WILDCARD_EXCEPTIONS } from './wildcardExceptions';
import { FUNCTION_NAMES, JOB_MANAGER_TASKS } from '../functions/catalog';
import { actionsIn, resourcesFor, rolePolicies, type RolePolicies } from '../testing/policies';
import { ACCOUNT, declareStage, REGION, type RecordedResource } from '../testing/pulumiMocks';

const ALL_BACKENDS = {
  glueJobs: ['etl-*'],
  glueCrawlers: ['raw-crawler'],
  glueConnections: ['vpc-connection'],
  emr: true,
  batchJobQueues: ['spark-queue'],
  batchJobDefinitions: ['spark-job'],
};
const PIPELINE = 'arn:aws:iam::210987654321:role/nightly-pipeline';

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
const EVENTS = arn('dynamodb', 'table/sluice-dev-events');
const PROJECTIONS = arn('dynamodb', 'table/sluice-dev-projections');
const KEY = arn('kms', 'key/sluice-dev-key-id');
const STATE_MACHINE = arn('states', 'stateMachine:sluice-dev-job-manager');

let roles: Map<string, RolePolicies>;
let resources: RecordedResource[];
let bare: Map<string, RolePolicies>;

beforeAll(async () => {
  ({ resources } = await declareStage('dev', { backends: ALL_BACKENDS, publishers: [PIPELINE] }));
  roles = rolePolicies(resources);
  bare = rolePolicies((await declareStage('dev')).resources);
});

const functionRole = (name: string, from = roles) => from.get(`sluice-dev-${name}`)!;

describe('IAM: least privilege', () => {
  it('grants no wildcard action anywhere', () => {
    for (const { role, statements } of roles.values()) {
      for (const action of actionsIn(statements)) {
        expect(action, `${role.name} grants ${action}`).not.toMatch(/\*/);
      }
    }
  });

  it('uses the `*` resource only for the documented actions that cannot be scoped', () => {
    for (const { role, statements } of roles.values()) {
      for (const statement of statements.filter((s) => s.Resource.includes('*'))) {
        expect(statement.Resource, `${role.name}: * mixed with other resources`).toEqual(['*']);
        for (const action of statement.Action) {
          expect(WILDCARD_EXCEPTIONS[action], `${role.name} grants ${action} on *`).toBeDefined();
        }
      }
    }
  });

  it('keeps the exception list honest: every listed action is used somewhere', () => {
    const onStar = new Set(
      [...roles.values()].flatMap(({ statements }) =>
        statements.filter((s) => s.Resource.includes('*')).flatMap((s) => s.Action),
      ),
    );
    expect([...onStar].sort()).toEqual(Object.keys(WILDCARD_EXCEPTIONS).sort());
  });

  it.each(FUNCTION_NAMES)(
    'gives %s exactly the actions its code calls, with every backend configured',
    (name) => {
      expect(actionsIn(functionRole(name).statements)).toEqual([...actionsOf(name)].sort());
    },
  );

  it.each(FUNCTION_NAMES)('gives %s no backend action when the stage configures no backend', (name) => {
    const actions = actionsIn(functionRole(name, bare).statements);
    expect(actions.every((action) => actionsOf(name).includes(action))).toBe(true);
    expect(
      actions.filter((action) => /^(glue|elasticmapreduce|batch|ec2|servicequotas):/.test(action)),
    ).toEqual([]);
  });

  it('names only the stage tables, their stream and the stage key for data access', () => {
    for (const name of FUNCTION_NAMES) {
      const { statements } = functionRole(name);
      for (const statement of statements) {
        const [service] = statement.Action[0]!.split(':');
        if (service === 'dynamodb' && !statement.Action.includes('dynamodb:ListStreams')) {
          for (const resource of statement.Resource) {
            expect([EVENTS, PROJECTIONS, `${EVENTS}/stream/*`], `${name}: ${resource}`).toContain(resource);
          }
        }
        if (service === 'kms') {
          expect(statement.Resource).toEqual([KEY]);
          expect(statement.Condition?.StringEquals?.['kms:ViaService']).toContain(
            `dynamodb.${REGION}.amazonaws.com`,
          );
        }
      }
    }
  });

  it('lets only the functions that append write to the event store', () => {
    const writers = FUNCTION_NAMES.filter((name) =>
      actionsIn(functionRole(name).statements).includes('dynamodb:UpdateItem'),
    );
    expect(writers).toEqual([
      'api',
      'scheduler',
      'start-job',
      'report-result',
      'report-failure',
      'time-out-run',
      'reconciler',
    ]);
    for (const name of writers)
      expect(resourcesFor(functionRole(name).statements, 'dynamodb:UpdateItem')).toEqual([EVENTS]);
  });

  it('scopes task-token and execution calls to the job-manager state machine', () => {
    for (const name of FUNCTION_NAMES) {
      for (const action of actionsIn(functionRole(name).statements).filter((a) => a.startsWith('states:'))) {
        expect(resourcesFor(functionRole(name).statements, action), `${name} ${action}`).toEqual([
          STATE_MACHINE,
        ]);
      }
    }
    expect(
      actionsIn(functionRole('request-admission').statements).filter((a) => a.startsWith('states:')),
    ).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess']);
  });

  it('scopes backend calls to the configured jobs, crawlers, queues and definitions', () => {
    const startJob = functionRole('start-job').statements;
    expect(resourcesFor(startJob, 'glue:StartJobRun')).toEqual([arn('glue', 'job/etl-*')]);
    expect(resourcesFor(startJob, 'glue:StartCrawler')).toEqual([arn('glue', 'crawler/raw-crawler')]);
    expect(resourcesFor(startJob, 'batch:SubmitJob')).toEqual(
      [
        arn('batch', 'job-queue/spark-queue'),
        arn('batch', 'job-definition/spark-job'),
        arn('batch', 'job-definition/spark-job:*'),
      ].sort(),
    );
    expect(resourcesFor(startJob, 'elasticmapreduce:AddJobFlowSteps')).toEqual([
      arn('elasticmapreduce', 'cluster/*'),
    ]);
    expect(resourcesFor(functionRole('reconciler').statements, 'glue:GetConnection')).toEqual(
      [arn('glue', 'catalog'), arn('glue', 'connection/vpc-connection')].sort(),
    );
  });

  it('keeps one role per function, each assumable by Lambda only', () => {
    for (const name of FUNCTION_NAMES) {
      expect(functionRole(name).trust.Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]);
    }
    expect(resources.filter((r) => r.type === 'aws:iam/rolePolicyAttachment:RolePolicyAttachment')).toEqual(
      [],
    );
  });

  it('lets the state machine invoke only the job-manager task functions', () => {
    const { trust, statements } = roles.get('sluice-dev-job-manager')!;
    expect(trust.Statement[0]!.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': ACCOUNT } });
    const taskArns = Object.values(JOB_MANAGER_TASKS).map((name) =>
      arn('lambda', `function:sluice-dev-${name}`),
    );
    expect(resourcesFor(statements, 'lambda:InvokeFunction')).toEqual(
      taskArns.flatMap((a) => [a, `${a}:*`]).sort(),
    );
  });

  it('lets the schedules invoke only the scheduler and the reconciler', () => {
    const { statements } = roles.get('sluice-dev-schedules')!;
    expect(resourcesFor(statements, 'lambda:InvokeFunction')).toEqual([
      arn('lambda', 'function:sluice-dev-reconciler'),
      arn('lambda', 'function:sluice-dev-scheduler'),
    ]);
    expect(resourcesFor(statements, 'sqs:SendMessage')).toEqual([arn('sqs', 'sluice-dev-schedules-dlq')]);
  });

  it('lets the configured pipelines publish through the IAM routes only', () => {
    const { trust, statements } = roles.get('sluice-dev-publisher')!;
    expect(trust.Statement[0]!.Principal).toEqual({ AWS: [PIPELINE] });
    expect(actionsIn(statements)).toEqual(['execute-api:Invoke']);
    expect(resourcesFor(statements, 'execute-api:Invoke')).toEqual([
      `${arn('execute-api', 'api123')}/$default/*/iam/*`,
    ]);
    expect(bare.has('sluice-dev-publisher')).toBe(false);
  });

  it('lists each function in the access table, and only those', () => {
    expect(Object.keys(FUNCTION_ACCESS).sort()).toEqual([...FUNCTION_NAMES].sort());
  });
});
