import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobBody, json, poolBody, startTestApi, type TestApi } from '../testing/testApi';

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi();
  await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody() });
});
afterEach(() => api.close());

type Problem = { errors: { field: string; reason: string }[] };

const template = {
  backend: 'glue',
  spec: { jobName: 'load' },
  demand: { runs: 1, dpu: 4 },
  priorityClass: 'high',
  pools: ['glue-prod'],
  timeoutSeconds: 3600,
};

const submittedData = async (jobId: string) =>
  (await api.feed()).find((e) => e.type === 'JobSubmitted' && e.data.jobId === jobId)?.data;

describe('timeoutSeconds on submissions', () => {
  it('records the time limit a job declares', async () => {
    const response = await api.request('POST', '/v1/jobs', { body: jobBody({ timeoutSeconds: 7200 }) });
    expect(response.status).toBe(201);
    const { jobId } = await json<{ jobId: string }>(response);
    expect(await submittedData(jobId)).toMatchObject({ timeoutSeconds: 7200 });
  });

  it.each([
    ['zero', 0, /at least 1 second/],
    ['a fraction', 90.5, /whole number of seconds/],
    ['over 7 days', 7 * 86_400 + 1, /at most 7 days/],
    ['a string', '3600', /number/],
  ])('refuses %s with a 400 naming timeoutSeconds, and appends nothing', async (_what, value, reason) => {
    const before = await api.feed();
    const response = await api.request('POST', '/v1/jobs', { body: jobBody({ timeoutSeconds: value }) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const { errors } = await json<Problem>(response);
    expect(errors).toEqual([{ field: 'timeoutSeconds', reason: expect.stringMatching(reason) }]);
    expect(await api.feed()).toEqual(before);
  });

  it('accepts the 7-day maximum', async () => {
    const response = await api.request('POST', '/v1/jobs', { body: jobBody({ timeoutSeconds: 7 * 86_400 }) });
    expect(response.status).toBe(201);
  });
});

describe('timeoutSeconds on templates', () => {
  it('copies the template limit into the job, unless an override replaces it', async () => {
    expect((await api.request('PUT', '/v1/templates/daily-load', { body: template })).status).toBe(201);
    const overrides = { source: 'team-b', dataset: 'orders' };
    const fromTemplate = await json<{ jobId: string }>(
      await api.request('POST', '/v1/jobs', { body: { template: 'daily-load', overrides } }),
    );
    const overridden = await json<{ jobId: string }>(
      await api.request('POST', '/v1/jobs', {
        body: { template: 'daily-load', overrides: { ...overrides, timeoutSeconds: 60 } },
      }),
    );
    expect(await submittedData(fromTemplate.jobId)).toMatchObject({
      template: 'daily-load',
      timeoutSeconds: 3600,
    });
    expect(await submittedData(overridden.jobId)).toMatchObject({
      template: 'daily-load',
      timeoutSeconds: 60,
    });
  });

  it('refuses a bad limit on the template and on an override, naming the field', async () => {
    const before = await api.feed();
    const badTemplate = await api.request('PUT', '/v1/templates/daily-load', {
      body: { ...template, timeoutSeconds: -5 },
    });
    expect(badTemplate.status).toBe(400);
    expect((await json<Problem>(badTemplate)).errors.map((e) => e.field)).toEqual(['timeoutSeconds']);
    expect(await api.feed()).toEqual(before);

    await api.request('PUT', '/v1/templates/daily-load', { body: template });
    const defined = await api.feed();
    const badOverride = await api.request('POST', '/v1/jobs', {
      body: { template: 'daily-load', overrides: { source: 'team-b', dataset: 'orders', timeoutSeconds: 0 } },
    });
    expect(badOverride.status).toBe(400);
    expect((await json<Problem>(badOverride)).errors.map((e) => e.field)).toEqual([
      'overrides.timeoutSeconds',
    ]);
    expect(await api.feed()).toEqual(defined);
  });
});
