import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobBody, json, poolBody, startTestApi, type TestApi } from '../testing/testApi';

let api: TestApi;
beforeEach(async () => {
  api = await startTestApi();
  await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody() });
});
afterEach(() => api.close());

describe('POST /v1/jobs', () => {
  it('queues a job with the priority of its class and answers with its place in the queue', async () => {
    await api.request('POST', '/v1/jobs', { key: 'publish', body: jobBody({ priorityClass: 'low' }) });
    const response = await api.request('POST', '/v1/jobs', {
      key: 'publish',
      body: jobBody({ priorityClass: 'critical' }),
    });
    expect(response.status).toBe(201);
    const body = await json<{
      jobId: string;
      status: string;
      position: number;
      links: Record<string, string>;
    }>(response);
    expect(body).toMatchObject({ status: 'queued', position: 1 });
    expect(response.headers.get('location')).toBe(`/v1/jobs/${body.jobId}`);
    const submitted = (await api.feed()).find(
      (e) => e.type === 'JobSubmitted' && e.data.jobId === body.jobId,
    );
    expect(submitted?.data).toMatchObject({ priorityClass: 'critical', priority: 1000, maxAttempts: 1 });
    expect(submitted?.actor).toBe(`api:${api.keyIds.publish}`);
  });

  it('refuses an unknown priority class with a field error and appends nothing', async () => {
    const before = await api.feed();
    const response = await api.request('POST', '/v1/jobs', { body: jobBody({ priorityClass: 'urgent' }) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await json<{ errors: { field: string; reason: string }[] }>(response);
    expect(problem.errors[0]?.field).toBe('priorityClass');
    expect(problem.errors[0]?.reason).toContain('critical');
    expect(await api.feed()).toEqual(before);
  });

  it('takes class values from the share policy once one names classes', async () => {
    await api.request('PUT', '/v1/policy', { body: { shares: {}, classes: { urgent: 777, normal: 5 } } });
    const response = await api.request('POST', '/v1/jobs', { body: jobBody({ priorityClass: 'urgent' }) });
    expect(response.status).toBe(201);
    const { jobId } = await json<{ jobId: string }>(response);
    const job = await json<{ priority: number }>(
      await api.request('GET', `/v1/jobs/${jobId}`, { key: 'read' }),
    );
    expect(job.priority).toBe(777);
  });

  it('reports every invalid field at once, with dotted paths', async () => {
    const response = await api.request('POST', '/v1/jobs', {
      body: jobBody({ demand: { dpu: -1, dpus: 2 }, pools: [], backend: 'mainframe' }),
    });
    expect(response.status).toBe(400);
    const { errors } = await json<{ errors: { field: string }[] }>(response);
    expect(errors.map((e) => e.field).sort()).toEqual(['backend', 'demand.dpu', 'demand.dpus', 'pools']);
  });

  describe('idempotency', () => {
    it('answers a retry with the same key and body with the same job, 200, and records it once', async () => {
      const headers = { 'idempotency-key': 'nightly-2026-03-01' };
      const first = await api.request('POST', '/v1/jobs', { key: 'publish', headers, body: jobBody() });
      // Key order and whitespace do not make it another request.
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(jobBody()).reverse()), null, 2);
      const again = await api.request('POST', '/v1/jobs', {
        key: 'publish',
        headers: { ...headers, 'content-type': 'application/json' },
        rawBody: reordered,
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      const [a, b] = [await json(first), await json(again)];
      expect(b.jobId).toBe(a.jobId);
      expect((await api.feed()).filter((e) => e.type === 'JobSubmitted')).toHaveLength(1);
    });

    it('refuses the same key with a different body with 409 and appends nothing', async () => {
      const headers = { 'idempotency-key': 'nightly-2026-03-01' };
      await api.request('POST', '/v1/jobs', { key: 'publish', headers, body: jobBody() });
      const before = await api.feed();
      const response = await api.request('POST', '/v1/jobs', {
        key: 'publish',
        headers,
        body: jobBody({ dataset: 'other' }),
      });
      expect(response.status).toBe(409);
      expect((await json(response)).type).toBe('urn:sluice:problem:idempotencyConflict');
      expect(await api.feed()).toEqual(before);
    });

    it('derives the job id from the API key and the idempotency key, so keys do not collide across callers', async () => {
      const headers = { 'idempotency-key': 'same-key' };
      const a = await json(
        await api.request('POST', '/v1/jobs', { key: 'publish', headers, body: jobBody() }),
      );
      const b = await json(await api.request('POST', '/v1/jobs', { key: 'admin', headers, body: jobBody() }));
      expect(a.jobId).not.toBe(b.jobId);
      const again = await json(
        await api.request('POST', '/v1/jobs', { key: 'publish', headers, body: jobBody() }),
      );
      expect(again.jobId).toBe(a.jobId);
    });

    it('uses a client eventId as the idempotency key when no header is sent', async () => {
      const eventId = '01JNQ3ZK0000000000000000AA';
      const first = await api.request('POST', '/v1/jobs', { body: jobBody({ eventId }) });
      const again = await api.request('POST', '/v1/jobs', { body: jobBody({ eventId }) });
      expect([first.status, again.status]).toEqual([201, 200]);
      const submitted = (await api.feed()).filter((e) => e.type === 'JobSubmitted');
      expect(submitted.map((e) => e.eventId)).toEqual([eventId]);
      const other = await api.request('POST', '/v1/jobs', { body: jobBody({ eventId, dataset: 'x' }) });
      expect(other.status).toBe(409);
    });

    it('lets two racing retries create one job', async () => {
      const headers = { 'idempotency-key': 'raced' };
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => api.request('POST', '/v1/jobs', { headers, body: jobBody() })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect((await api.feed()).filter((e) => e.type === 'JobSubmitted')).toHaveLength(1);
    });
  });
});

describe('templates', () => {
  const template = {
    backend: 'glue',
    spec: { jobName: 'load', arguments: { '--mode': 'full' } },
    demand: { runs: 1, dpu: 4 },
    priorityClass: 'high',
    pools: ['glue-prod'],
    maxAttempts: 3,
  };

  it('submits from a template with overrides, merging the spec key by key', async () => {
    expect((await api.request('PUT', '/v1/templates/daily-load', { body: template })).status).toBe(201);
    const response = await api.request('POST', '/v1/jobs', {
      key: 'publish',
      body: {
        template: 'daily-load',
        overrides: { source: 'team-b', dataset: 'orders', spec: { day: '2026-03-01' } },
      },
    });
    expect(response.status).toBe(201);
    const { jobId } = await json<{ jobId: string }>(response);
    const submitted = (await api.feed()).find((e) => e.type === 'JobSubmitted' && e.data.jobId === jobId);
    expect(submitted?.data).toMatchObject({
      template: 'daily-load',
      source: 'team-b',
      priorityClass: 'high',
      priority: 500,
      maxAttempts: 3,
      spec: { jobName: 'load', arguments: { '--mode': 'full' }, day: '2026-03-01' },
    });
  });

  it('never changes a job already submitted when the template is redefined', async () => {
    await api.request('PUT', '/v1/templates/daily-load', { body: template });
    const { jobId } = await json<{ jobId: string }>(
      await api.request('POST', '/v1/jobs', {
        body: { template: 'daily-load', overrides: { source: 'team-b', dataset: 'orders' } },
      }),
    );
    const before = await json(await api.request('GET', `/v1/jobs/${jobId}`));
    const redefined = await api.request('PUT', '/v1/templates/daily-load', {
      body: { ...template, demand: { runs: 1, dpu: 40 }, priorityClass: 'low' },
    });
    expect(redefined.status).toBe(200);
    expect((await json(redefined)).version).toBe(2);
    const after = await json(await api.request('GET', `/v1/jobs/${jobId}`));
    expect(after.demand).toEqual(before.demand);
    expect(after.priorityClass).toBe('high');
    const submitted = (await api.feed()).find((e) => e.type === 'JobSubmitted' && e.data.jobId === jobId);
    expect(submitted?.data).toMatchObject({ demand: { dpu: 4 }, priority: 500 });
    const listed = await json<{ templates: { name: string; version: number }[] }>(
      await api.request('GET', '/v1/templates', { key: 'read' }),
    );
    expect(listed.templates.map((t) => [t.name, t.version])).toEqual([['daily-load', 2]]);
  });

  it('refuses an unknown template and an incomplete one with field errors', async () => {
    const unknown = await api.request('POST', '/v1/jobs', { body: { template: 'nope', overrides: {} } });
    expect(unknown.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(unknown)).errors[0]?.field).toBe('template');
    await api.request('PUT', '/v1/templates/daily-load', { body: template });
    const incomplete = await api.request('POST', '/v1/jobs', {
      body: { template: 'daily-load', overrides: { source: 'team-b' } },
    });
    expect(incomplete.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(incomplete)).errors.map((e) => e.field)).toEqual([
      'overrides.dataset',
    ]);
  });
});

describe('GET /v1/jobs/:id', () => {
  it('shows the timeline, the queue position and why a queued job waits', async () => {
    await api.request('PUT', '/v1/pools/glue-prod', { body: poolBody({ capacity: { runs: 1 } }) });
    const first = await json<{ jobId: string }>(await api.request('POST', '/v1/jobs', { body: jobBody() }));
    await api.schedule();
    const second = await json<{ jobId: string }>(await api.request('POST', '/v1/jobs', { body: jobBody() }));
    const admitted = await json(await api.request('GET', `/v1/jobs/${first.jobId}`, { key: 'read' }));
    expect(admitted.status).toBe('admitted');
    expect(admitted.timeline.map((t: { type: string }) => t.type)).toEqual(['JobSubmitted', 'JobAdmitted']);
    const waiting = await json(await api.request('GET', `/v1/jobs/${second.jobId}`, { key: 'read' }));
    expect(waiting).toMatchObject({ status: 'queued', queuePosition: 1 });
    expect(waiting.pendingReason.code).toBeTruthy();
    expect(waiting.pendingReason.reason).toContain('glue-prod');
  });

  it('answers 404 for an unknown job and 400 for an id that cannot be one', async () => {
    expect((await api.request('GET', '/v1/jobs/unknown-job', { key: 'read' })).status).toBe(404);
    const bad = await api.request('GET', `/v1/jobs/${encodeURIComponent('bad id!')}`, { key: 'read' });
    expect(bad.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors[0]?.field).toBe('path.id');
  });
});

describe('GET /v1/jobs', () => {
  it('pages with a stable cursor and filters by status and source', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await api.request('POST', '/v1/jobs', {
        body: jobBody({ source: i % 2 === 0 ? 'team-a' : 'team-b' }),
      });
      ids.push((await json<{ jobId: string }>(r)).jobId);
    }
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const query = next ? `?limit=3&cursor=${next}` : '?limit=3';
      const page = await json<{ jobs: { jobId: string }[]; next?: string }>(
        await api.request('GET', `/v1/jobs${query}`, { key: 'read' }),
      );
      seen.push(...page.jobs.map((j) => j.jobId));
      next = page.next;
      pages += 1;
      // Jobs changing state between pages never shift the boundary.
      if (pages === 1) await api.request('DELETE', `/v1/jobs/${ids[0]}`);
    } while (next);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);

    const teamB = await json<{ jobs: { source: string }[] }>(
      await api.request('GET', '/v1/jobs?source=team-b', { key: 'read' }),
    );
    expect(teamB.jobs).toHaveLength(3);
    const cancelled = await json<{ jobs: { jobId: string }[] }>(
      await api.request('GET', '/v1/jobs?status=cancelled', { key: 'read' }),
    );
    expect(cancelled.jobs.map((j) => j.jobId)).toEqual([ids[0]]);
  });

  it('refuses a cursor it did not hand out and a limit out of range', async () => {
    const bad = await api.request('GET', '/v1/jobs?cursor=not-a-cursor&limit=0&status=lost', { key: 'read' });
    expect(bad.status).toBe(400);
    const fields = (await json<{ errors: { field: string }[] }>(bad)).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['query.limit', 'query.status']);
    expect((await api.request('GET', '/v1/jobs?cursor=not-a-cursor', { key: 'read' })).status).toBe(400);
  });
});

describe('DELETE /v1/jobs/:id', () => {
  it('cancels a queued job at once, requests cancellation of a running one, and refuses a finished one', async () => {
    const queued = await json<{ jobId: string }>(await api.request('POST', '/v1/jobs', { body: jobBody() }));
    const cancel = await api.request('DELETE', `/v1/jobs/${queued.jobId}`);
    expect(cancel.status).toBe(200);
    expect(await json(cancel)).toMatchObject({ status: 'cancelled' });
    const again = await api.request('DELETE', `/v1/jobs/${queued.jobId}`);
    expect(again.status).toBe(409);

    const running = await json<{ jobId: string }>(await api.request('POST', '/v1/jobs', { body: jobBody() }));
    await api.schedule();
    await api.request('POST', '/v1/events', {
      key: 'publish',
      body: { events: [{ type: 'JobStarted', data: { jobId: running.jobId, runId: 'jr_1' } }] },
    });
    const requested = await api.request(
      'DELETE',
      `/v1/jobs/${running.jobId}?reason=${encodeURIComponent('wrong day')}`,
    );
    expect(requested.status).toBe(202);
    expect(await json(requested)).toMatchObject({ status: 'running', cancelRequested: true });
    const feed = await api.feed();
    expect(feed.at(-1)).toMatchObject({ type: 'JobCancellationRequested', data: { reason: 'wrong day' } });
  });

  it('needs the admin scope and answers 404 for an unknown job', async () => {
    const { jobId } = await json<{ jobId: string }>(
      await api.request('POST', '/v1/jobs', { body: jobBody() }),
    );
    expect((await api.request('DELETE', `/v1/jobs/${jobId}`, { key: 'publish' })).status).toBe(403);
    expect((await api.request('DELETE', '/v1/jobs/nope')).status).toBe(404);
  });
});
