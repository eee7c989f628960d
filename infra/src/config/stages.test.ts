import { beforeAll, describe, expect, it } from 'vitest';
import { declareStage, named, ofType, type RecordedResource } from '../testing/pulumiMocks';

let dev: RecordedResource[];
let prod: RecordedResource[];

beforeAll(async () => {
  dev = (await declareStage('dev')).resources;
  prod = (await declareStage('prod')).resources;
});

const table = (resources: RecordedResource[], stage: string, name: string) =>
  named(resources, 'aws:dynamodb/table:Table', `sluice-${stage}-${name}`).inputs;

describe('dev and prod differ as their configs say', () => {
  it('protects the prod tables from deletion, and not the dev ones', () => {
    for (const name of ['events', 'projections']) {
      expect(table(prod, 'prod', name).deletionProtectionEnabled).toBe(true);
      expect(table(dev, 'dev', name).deletionProtectionEnabled).toBe(false);
    }
  });

  it('bills dev on demand and provisions prod with auto scaling', () => {
    expect(table(dev, 'dev', 'events')).toMatchObject({ billingMode: 'PAY_PER_REQUEST' });
    expect(table(dev, 'dev', 'events').writeCapacity).toBeUndefined();
    expect(table(prod, 'prod', 'events')).toMatchObject({
      billingMode: 'PROVISIONED',
      readCapacity: 25,
      writeCapacity: 50,
    });
    expect(ofType(dev, 'aws:appautoscaling/target:Target')).toEqual([]);
    const targets = ofType(prod, 'aws:appautoscaling/target:Target').map((t) => [
      t.inputs.resourceId,
      t.inputs.scalableDimension,
      t.inputs.maxCapacity,
    ]);
    expect(targets).toContainEqual(['table/sluice-prod-events', 'dynamodb:table:WriteCapacityUnits', 800]);
    expect(ofType(prod, 'aws:appautoscaling/policy:Policy')).toHaveLength(4);
  });

  it('keeps logs 14 days in dev and a year in prod', () => {
    for (const group of ofType(dev, 'aws:cloudwatch/logGroup:LogGroup'))
      expect(group.inputs.retentionInDays).toBe(14);
    for (const group of ofType(prod, 'aws:cloudwatch/logGroup:LogGroup'))
      expect(group.inputs.retentionInDays).toBe(365);
  });

  it('alarms sooner and throttles the API less in prod', () => {
    const alarm = (resources: RecordedResource[], stage: string) =>
      named(resources, 'aws:cloudwatch/metricAlarm:MetricAlarm', `sluice-${stage}-oldest-queued-job-age`)
        .inputs;
    expect(alarm(dev, 'dev').threshold).toBe(3600);
    expect(alarm(prod, 'prod').threshold).toBe(1800);
    const stage = (resources: RecordedResource[], name: string) =>
      named(resources, 'aws:apigatewayv2/stage:Stage', `sluice-${name}-api-stage`).inputs;
    expect(stage(prod, 'prod')).toMatchObject({
      defaultRouteSettings: { throttlingBurstLimit: 500, throttlingRateLimit: 200 },
    });
  });

  it('names every physical resource after its stage, so stages share an account safely', () => {
    for (const resource of prod) expect(resource.name.startsWith('sluice-prod-'), resource.name).toBe(true);
    expect(named(prod, 'aws:kms/key:Key', 'sluice-prod-key').inputs.deletionWindowInDays).toBe(30);
    expect(named(dev, 'aws:kms/key:Key', 'sluice-dev-key').inputs.deletionWindowInDays).toBe(7);
  });
});
