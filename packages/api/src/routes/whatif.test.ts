import { monotonicFactory } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENDED_POOL, RECORDED_SHARES, recordContendedHistory } from '../testing/contendedHistory';
import { json, startTestApi, type Loose, type TestApi } from '../testing/testApi';

describe('POST /v1/whatif', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
    await recordContendedHistory(api.store, api.clock, monotonicFactory());
  });
  afterEach(async () => api.close());

  it('replays the recorded history under the candidate beside the recorded policy, appending nothing', async () => {
    const before = (await api.feed()).length;
    const response = await api.request('POST', '/v1/whatif', {
      body: { candidate: { shares: { ...RECORDED_SHARES, 'team-b': 8 } } },
    });
    expect(response.status).toBe(200);
    const report = await json(response);
    expect(report.window).toMatchObject({ jobs: 12, pools: [CONTENDED_POOL] });
    expect(report.fidelity.fraction).toBe(1);
    const wait = (side: Loose, source: string) => side.wait.bySource[source].mean as number;
    expect(wait(report.candidate, 'team-b')).toBeLessThan(wait(report.recorded, 'team-b'));
    expect(wait(report.candidate, 'team-a')).toBeGreaterThan(wait(report.recorded, 'team-a'));
    expect(report.moved.length).toBeGreaterThan(0);
    expect(report.moved[0].recorded.reason).toBeTruthy();
    expect(report.recorded.usageOverTime[CONTENDED_POOL]).toHaveLength(report.window.cycles);
    expect((await api.feed()).length).toBe(before);
  });

  it('keeps to the window: jobs submitted before `from` are left out', async () => {
    const after = api.clock.iso();
    const response = await api.request('POST', '/v1/whatif', { body: { candidate: { shares: RECORDED_SHARES }, from: after } });
    expect(response.status).toBe(200);
    expect((await json(response)).window.jobs).toBe(0);
  });

  it('answers an invalid candidate with 400 naming each field under `candidate`, appending nothing', async () => {
    const before = (await api.feed()).length;
    const response = await api.request('POST', '/v1/whatif', {
      body: { candidate: { shares: { 'team-b': -1 }, colour: 'red' }, until: 'yesterday' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = (await json(response)).errors.map((e: Loose) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['candidate.shares.team-b', 'candidate.colour', 'until']));
    expect((await api.feed()).length).toBe(before);
  });

  it('refuses a window that ends before it starts', async () => {
    const response = await api.request('POST', '/v1/whatif', {
      body: { candidate: { shares: RECORDED_SHARES }, from: '2026-03-02T10:00:00Z', until: '2026-03-02T09:00:00Z' },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errors).toEqual([{ field: 'until', reason: 'must be after from' }]);
  });

  it('needs the admin scope: a read key is refused', async () => {
    const response = await api.request('POST', '/v1/whatif', { key: 'read', body: { candidate: { shares: RECORDED_SHARES } } });
    expect(response.status).toBe(403);
  });
});
