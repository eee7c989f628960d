import { apiViews, workloadMetrics, type ApiViews } from '@sluice/scheduler';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '@sluice/api';
import { startMetricsScenario, type TestApi } from '@sluice/api/testing';
import { createWorkloadMetrics, OLDEST_QUEUED_JOB_AGE_METRIC, publishWorkloadMetrics } from './emf';
import { projectorMetrics } from './projectorMetrics';

type EmfDocument = Record<string, unknown> & {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
};

let api: TestApi;
beforeAll(async () => {
  api = await startMetricsScenario();
});
afterAll(() => api.close());

/** Runs `publish` and returns the EMF documents Powertools wrote to stdout, as CloudWatch Logs reads them. */
function emittedDocuments(publish: () => void): EmfDocument[] {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    publish();
  } finally {
    write.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as EmfDocument).filter((doc) => '_aws' in doc);
}

describe('Embedded Metric Format', () => {
  it('writes documents CloudWatch accepts, with the age metric the alarms read', async () => {
    const views = await api.deps.readModel.current();
    const documents = emittedDocuments(() =>
      projectorMetrics({ stage: 'dev' }).publish(views, api.clock.now(), silentLogger),
    );
    expect(documents.length).toBeGreaterThanOrEqual(3);

    for (const doc of documents) {
      expect(Array.isArray(doc._aws.CloudWatchMetrics)).toBe(true);
      for (const directive of doc._aws.CloudWatchMetrics) {
        expect(directive.Namespace).toBe('Sluice');
        expect(directive.Dimensions.length).toBeGreaterThan(0);
        for (const set of directive.Dimensions) {
          expect(set.length).toBeLessThanOrEqual(30);
          for (const name of set) expect(typeof doc[name]).toBe('string');
        }
        expect(directive.Metrics.length).toBeLessThanOrEqual(100);
        for (const metric of directive.Metrics) expect(typeof doc[metric.Name]).toBe('number');
      }
    }
    const workload = documents.filter((doc) => !('ColdStart' in doc));
    for (const doc of workload) expect(doc._aws.Timestamp).toBe(api.clock.now().getTime());

    const age = documents.find((doc) => OLDEST_QUEUED_JOB_AGE_METRIC in doc)!;
    expect(age).toMatchObject({ Stage: 'dev', OldestQueuedJobAgeSeconds: 90, QueueDepth: 2, JobsInFlight: 2 });
    expect(age._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['Stage']]);
    expect(age._aws.CloudWatchMetrics[0]!.Metrics).toEqual([
      { Name: 'OldestQueuedJobAgeSeconds', Unit: 'Seconds' },
      { Name: 'QueueDepth', Unit: 'Count' },
      { Name: 'JobsInFlight', Unit: 'Count' },
      { Name: 'AdmissionsTotal', Unit: 'Count' },
    ]);
    const high = documents.find((doc) => doc.PriorityClass === 'high')!;
    expect(high).toMatchObject({ Stage: 'dev', QueueDepth: 1 });
    expect(high._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['Stage', 'PriorityClass']]);
    const vcpu = documents.find((doc) => doc.Pool === 'emr-main' && doc.Dimension === 'vcpu')!;
    expect(vcpu).toMatchObject({ PoolHeadroom: 32 });
    expect(vcpu._aws.CloudWatchMetrics[0]!.Metrics).toEqual([{ Name: 'PoolHeadroom', Unit: 'None' }]);
    expect(vcpu._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['Stage', 'Pool', 'Dimension']]);
  });

  it('counts a cold start once per container', async () => {
    const views = await api.deps.readModel.current();
    // Powertools counts cold starts only where Lambda says the environment started on demand.
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const metrics = projectorMetrics({ stage: 'dev' });
    vi.unstubAllEnvs();
    const coldStarts = () =>
      emittedDocuments(() => metrics.publish(views, new Date(), silentLogger)).filter((doc) => 'ColdStart' in doc);
    const [first] = coldStarts();
    expect(first).toMatchObject({ ColdStart: 1, Stage: 'dev' });
    expect(first!._aws.CloudWatchMetrics[0]!.Metrics).toEqual([{ Name: 'ColdStart', Unit: 'Count' }]);
    expect(coldStarts()).toEqual([]);
  });

  it('reports an empty queue as age 0, so the alarm clears', () => {
    const empty = workloadMetrics(apiViews().initialState(), new Date());
    expect(empty.oldestQueuedJobAgeSeconds).toBe(0);
    const [first] = emittedDocuments(() =>
      publishWorkloadMetrics(createWorkloadMetrics({ stage: 'prod' }), empty, new Date()),
    );
    expect(first).toMatchObject({ Stage: 'prod', OldestQueuedJobAgeSeconds: 0, QueueDepth: 0 });
  });

  it('never fails the projector when the metrics cannot be read', () => {
    const warn = vi.fn();
    const unreadable = { ...apiViews().initialState(), queue: undefined } as unknown as ApiViews;
    expect(() =>
      projectorMetrics().publish(unreadable, new Date(), { ...silentLogger, warn }),
    ).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(TypeError) }), 'workload metrics not published');
  });
});
