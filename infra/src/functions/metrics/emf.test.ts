import { apiViews, workloadMetrics } from '@sluice/scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@sluice/api';
import { startMetricsScenario, type TestApi } from '@sluice/api/testing';
import { emfDocuments, OLDEST_QUEUED_JOB_AGE_METRIC } from './emf';
import { publishProjectorMetrics } from './projectorMetrics';

let api: TestApi;
beforeAll(async () => {
  api = await startMetricsScenario();
});
afterAll(() => api.close());

describe('Embedded Metric Format', () => {
  it('writes documents CloudWatch accepts, with the age metric the alarms read', async () => {
    const views = await api.deps.readModel.current();
    const lines: string[] = [];
    publishProjectorMetrics(views, api.clock.now(), silentLogger, { stage: 'dev', write: (l) => lines.push(l) });
    const documents = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(documents.length).toBeGreaterThanOrEqual(3);

    for (const doc of documents) {
      const aws = doc._aws as { Timestamp: unknown; CloudWatchMetrics: unknown };
      expect(aws.Timestamp).toBe(api.clock.now().getTime());
      expect(Array.isArray(aws.CloudWatchMetrics)).toBe(true);
      for (const directive of aws.CloudWatchMetrics as Record<string, unknown>[]) {
        expect(directive.Namespace).toBe('Sluice');
        const dimensionSets = directive.Dimensions as string[][];
        expect(dimensionSets.length).toBeGreaterThan(0);
        for (const set of dimensionSets) {
          expect(set.length).toBeLessThanOrEqual(30);
          for (const name of set) expect(typeof doc[name]).toBe('string');
        }
        const metrics = directive.Metrics as { Name: string; Unit?: string }[];
        expect(metrics.length).toBeLessThanOrEqual(100);
        for (const metric of metrics) expect(typeof doc[metric.Name]).toBe('number');
      }
    }

    const age = documents.find((doc) => OLDEST_QUEUED_JOB_AGE_METRIC in doc)!;
    expect(age).toMatchObject({ Stage: 'dev', OldestQueuedJobAgeSeconds: 90 });
    expect((age._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics[0]!.Dimensions).toEqual([
      ['Stage'],
    ]);
    expect(documents).toContainEqual(expect.objectContaining({ PriorityClass: 'high', QueueDepth: 1 }));
    expect(documents).toContainEqual(
      expect.objectContaining({ Pool: 'emr-main', Dimension: 'vcpu', PoolHeadroom: 32 }),
    );
  });

  it('reports an empty queue as age 0, so the alarm clears', () => {
    const empty = workloadMetrics(apiViews().initialState(), new Date());
    expect(empty.oldestQueuedJobAgeSeconds).toBe(0);
    const [first] = emfDocuments(empty, { stage: 'prod', now: new Date(0) });
    expect(first).toMatchObject({ Stage: 'prod', OldestQueuedJobAgeSeconds: 0, QueueDepth: 0 });
  });

  it('never fails the projector when a metric cannot be written', async () => {
    const views = await api.deps.readModel.current();
    expect(() =>
      publishProjectorMetrics(views, new Date(), silentLogger, {
        write: () => {
          throw new Error('stdout closed');
        },
      }),
    ).not.toThrow();
  });
});
