import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { handlePoolCommand, submitJob } from '@sluice/scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../app/apiEnv';
import { registerDashboardStream } from './streamRoute';
import { openTestBrowser, type TestBrowser } from './testBrowser';
import { serveNode, type RunningServer } from '../node/serveNode';
import { startTestApi, type TestApi } from '../testing/testApi';

const REPORTS = fileURLToPath(new URL('../../.reports/', import.meta.url));
const DOCS = fileURLToPath(new URL('../../../../docs/', import.meta.url));

let api: TestApi;
let server: RunningServer;
let chromiumSession: TestBrowser;
let page: Page;

const ctx = () => ({ now: api.clock.iso(), actor: 'test:dashboard', newEventId: api.deps.newId });

async function registerPool(poolId: string, backend: 'emr' | 'glue', capacity: Record<string, number>) {
  await handlePoolCommand(api.store, poolId, { type: 'RegisterPool', data: { poolId, backend, capacity, quotas: {} } }, ctx());
}

async function submit(jobId: string, source: string, priorityClass: string, pool: 'emr-main' | 'glue-prod') {
  const emr = pool === 'emr-main';
  await submitJob(
    api.store,
    {
      jobId,
      source,
      dataset: 'sales',
      priorityClass,
      priority: 100,
      demand: emr ? { vcpu: 16, runs: 1 } : { dpu: 4, runs: 1 },
      backend: emr ? 'emr' : 'glue',
      spec: {},
      pools: [pool],
    },
    ctx(),
  );
}

beforeAll(async () => {
  api = await startTestApi({ rateLimit: false });
  await registerPool('emr-main', 'emr', { vcpu: 64, runs: 2 });
  await registerPool('glue-prod', 'glue', { dpu: 10, runs: 1 });
  await submit('job-a1', 'analytics', 'normal', 'emr-main');
  api.clock.advance(20_000);
  await submit('job-i1', 'ingest', 'normal', 'glue-prod');
  api.clock.advance(40_000);
  await api.schedule();
  await submit('job-a2', 'analytics', 'normal', 'emr-main');
  await submit('job-a3', 'analytics', 'high', 'emr-main');
  await submit('job-i2', 'ingest', 'normal', 'glue-prod');
  api.clock.advance(15_000);
  await api.schedule();
  await submit('job-i3', 'ingest', 'low', 'glue-prod');
  api.clock.advance(30_000);

  server = await serveNode(api.app, { port: 0 });
  chromiumSession = await openTestBrowser();
  page = chromiumSession.page;
}, 120_000);

afterAll(async () => {
  await chromiumSession?.close();
  await server?.close();
  await api?.close();
});

/** The names of a chart's series, as its legend shows them (the x series comes first). */
const seriesNames = (chart: string) =>
  page.locator(`[data-test=${chart}] .u-legend .u-series .u-label`).evaluateAll((labels) => labels.slice(1).map((l) => l.textContent));

/** What a chart drew: its uPlot data, and its canvas and card sizes. */
function drawn(chart: string) {
  return page.locator(`[data-test=${chart}]`).evaluate((card) => {
    const host = card.querySelector('[data-test=chart]') as (HTMLElement & { uplot?: { data: (number | null)[][] } }) | null;
    const canvas = card.querySelector('canvas')!;
    return {
      data: host?.uplot?.data.map((column) => [...column]) ?? [],
      canvas: { width: canvas.getBoundingClientRect().width, height: canvas.getBoundingClientRect().height },
      chartRight: host!.getBoundingClientRect().right,
      cardRight: card.getBoundingClientRect().right,
      viewport: document.documentElement.clientWidth,
    };
  });
}

/** A job id as long as the ones Sluice issues (a ULID), so truncation is exercised. */
const LONG_ID = '01KBBW3Z8Y6T9Q2M4N7P5R3S1V';

describe('the dashboard in a browser', () => {
  it('shows the queue, the pools with headroom and the recent admissions', async () => {
    await page.goto(`${server.url}/dashboard?key=${encodeURIComponent(api.keys.read)}`);
    await page.locator('[data-test=queue-row]').first().waitFor();

    // The key leaves the address bar and stays in the tab's session.
    expect(page.url()).toBe(`${server.url}/dashboard`);
    expect(await page.evaluate(() => sessionStorage.getItem('sluice.readKey'))).toBe(api.keys.read);

    const queued = await page.locator('[data-test=queue-row]').evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-job')),
    );
    expect(queued).toEqual(['job-a3', 'job-i2', 'job-i3']);
    expect(await page.locator('[data-test=queue-row][data-job=job-i2]').innerText()).toMatch(/glue-prod/);
    const groups = await page.locator('[data-test=queue-groups]').innerText();
    expect(groups).toMatch(/high\s+analytics\s+1/);
    expect(groups).toMatch(/normal\s+ingest\s+1/);
    expect(groups).toMatch(/low\s+ingest\s+1/);

    const vcpu = page.locator('[data-pool=emr-main] [data-dimension=vcpu]');
    expect(await vcpu.locator('[data-test=headroom]').innerText()).toBe('32/64 · headroom 32');
    expect(await vcpu.locator('.fill').evaluate((bar) => (bar as HTMLElement).style.width)).toBe('50%');
    expect(
      await page.locator('[data-pool=glue-prod] [data-dimension=runs] [data-test=headroom]').innerText(),
    ).toBe('1/1 · headroom 0');

    const admissions = page.locator('[data-test=admission]');
    expect(await admissions.count()).toBe(3);
    expect(await page.locator('[data-test=admissions]').innerText()).toMatch(/job-a1\s+emr-main\s+1m/);
    await page.locator('[data-test=queue-chart] canvas').waitFor();
    expect(await seriesNames('wait-chart')).toEqual(['normal']);
    expect(await seriesNames('utilization-chart')).toEqual(['emr-main runs', 'emr-main vcpu', 'glue-prod dpu', 'glue-prod runs']);

    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: join(REPORTS, 'dashboard.png'), fullPage: true });
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(join(REPORTS, 'dashboard.png'), join(DOCS, 'dashboard.png'));
  });

  it('opens a job with its timeline and why it waits', async () => {
    await page.locator('[data-test=queue-row][data-job=job-i2] a').click();
    await page.locator('[data-test=job]').waitFor();
    expect(page.url()).toBe(`${server.url}/dashboard#/jobs/job-i2`);
    expect(await page.locator('[data-test=job-status]').innerText()).toBe('queued');
    expect(await page.locator('[data-test=pending-reason]').innerText()).toMatch(/^Waiting: .+/);
    const timeline = await page.locator('[data-test=timeline-entry]').allInnerTexts();
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatch(/JobSubmitted — normal from ingest for glue-prod/);

    await page.goto(`${server.url}/dashboard#/jobs/job-a1`);
    // Only the hash changes: wait for this job's page, not the one already shown.
    await page.getByRole('heading', { name: 'Job job-a1' }).waitFor();
    const admitted = await page.locator('[data-test=timeline-entry]').allInnerTexts();
    expect(admitted.map((entry) => entry.split(' ')[1])).toEqual(['JobSubmitted', 'JobAdmitted']);
    expect(await page.locator('[data-test=pending-reason]').count()).toBe(0);
  });

  it('pushes a new event to the open page over server-sent events', async () => {
    await page.goto(`${server.url}/dashboard#/`);
    await page.locator('[data-test=queue-row]').first().waitFor();
    expect(await page.locator('[data-test=queue-row][data-job=job-live]').count()).toBe(0);

    await submit('job-live', 'analytics', 'high', 'glue-prod');
    await page.locator('[data-test=queue-row][data-job=job-live]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#status').innerText()).toMatch(/^live/);
  });

  it.each([1280, 1920])('fits every table in its card at %i px, with the first reason readable', async (width) => {
    if (width === 1280) await submit(LONG_ID, 'a-source-with-a-rather-long-name', 'backfill', 'glue-prod');
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/dashboard?key=${encodeURIComponent(api.keys.read)}`);
    await page.locator(`[data-test=queue-row][data-job="${LONG_ID}"]`).waitFor();
    const overflowing = await page.locator('section').evaluateAll((cards) =>
      cards.flatMap((card) =>
        Array.from(card.querySelectorAll('table'))
          .filter((table) => table.scrollWidth > card.clientWidth)
          .map((table) => `${table.dataset.test ?? 'table'}: ${table.scrollWidth} > ${card.clientWidth}`),
      ),
    );
    expect(overflowing).toEqual([]);
    const reason = page.locator('[data-test=queue-reason]').first();
    const box = await reason.evaluate((cell) => {
      const r = cell.getBoundingClientRect();
      const card = cell.closest('section')!.getBoundingClientRect();
      return { text: cell.textContent ?? '', width: r.width, inside: r.left >= card.left && r.right <= card.right, clipped: cell.scrollWidth > cell.clientWidth };
    });
    expect(box.text.length).toBeGreaterThan(10);
    expect(box.inside).toBe(true);
    expect(box.clipped).toBe(false);
    // Wide enough to read: not one word per line.
    expect(box.width).toBeGreaterThan(300);
    const id = page.locator(`[data-test=queue-row][data-job="${LONG_ID}"] a`);
    expect(await id.getAttribute('title')).toBe(LONG_ID);
  });

  it.each([1280, 1920])('draws the three charts with data, legends and a tooltip at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/dashboard?key=${encodeURIComponent(api.keys.read)}`);
    for (const chart of ['wait-chart', 'utilization-chart', 'queue-chart']) {
      await page.locator(`[data-test=${chart}] canvas`).waitFor();
      // uPlot follows its card's width once the page has laid it out.
      await expect.poll(async () => (await drawn(chart)).chartRight <= (await drawn(chart)).cardRight).toBe(true);
      const { data, canvas, chartRight, viewport } = await drawn(chart);
      expect(data.length).toBeGreaterThan(1);
      for (const column of data) expect(column).toHaveLength(data[0]!.length);
      expect(data[0]!.length).toBeGreaterThan(0);
      expect(data.slice(1).some((column) => column.some((value) => (value ?? 0) > 0))).toBe(true);
      expect(canvas.width).toBeGreaterThan(200);
      expect(canvas.height).toBeGreaterThan(100);
      expect(canvas.width).toBeLessThanOrEqual(viewport);
      expect(chartRight).toBeLessThanOrEqual(viewport);
    }

    // Waits are counted server-side: a1, i1 and a2 (all normal) waited 60 s, 40 s and 15 s.
    const waits = (await drawn('wait-chart')).data;
    expect(waits).toHaveLength(2);
    expect(waits[1]!.slice(0, -1)).toEqual([0, 3, 0, 0, 0, 0, 0, 0]);
    expect(await seriesNames('queue-chart')).toEqual(expect.arrayContaining(['high', 'low', 'normal']));

    // Over the second bucket (≤1m: 8 buckets across the plot) the tooltip shows its counts.
    const plot = page.locator('[data-test=wait-chart] .u-over');
    const box = (await plot.boundingBox())!;
    await plot.hover({ position: { x: box.width * (1.5 / 8), y: box.height / 2 } });
    const tooltip = page.locator('[data-test=wait-chart] [data-test=chart-tooltip]');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(/≤1m\s+normal: 3/);

    // At the right edge of the queue chart the tooltip holds the latest depth of each class.
    const queue = page.locator('[data-test=queue-chart] .u-over');
    const queueBox = (await queue.boundingBox())!;
    await queue.hover({ position: { x: queueBox.width - 2, y: queueBox.height / 2 } });
    const cursor = await page
      .locator('[data-test=queue-chart] [data-test=chart]')
      .evaluate((host) => (host as HTMLElement & { uplot: { cursor: { left: number } } }).uplot.cursor.left);
    expect(cursor).toBeGreaterThan(queueBox.width / 2);
    const latest = (await drawn('queue-chart')).data;
    const names = await seriesNames('queue-chart');
    const normal = latest[names.indexOf('normal') + 1]!.at(-1);
    expect(await page.locator('[data-test=queue-chart] [data-test=chart-tooltip]').innerText()).toContain(`normal: ${normal}`);
  });

  it('asks for a key when it has none, and the stream refuses a missing or weak key', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${server.url}/dashboard`);
    await page.locator('input[type=password]').waitFor();

    expect((await fetch(`${server.url}/v1/stream`)).status).toBe(401);
    expect((await fetch(`${server.url}/v1/stream?key=nope`)).status).toBe(401);
    expect((await fetch(`${server.url}/v1/stream?key=${api.keys.publish}`)).status).toBe(403);
    // The query-string key is accepted by the stream alone.
    expect((await fetch(`${server.url}/v1/queue?key=${api.keys.read}`)).status).toBe(401);
  });
});

describe('the dashboard stream', () => {
  it('stops asking the read model once the client goes away', async () => {
    let reads = 0;
    const counting = {
      ...api.deps.readModel,
      current: () => {
        reads += 1;
        return api.deps.readModel.current();
      },
    };
    const app = new Hono<ApiEnv>();
    registerDashboardStream(app, { ...api.deps, readModel: counting }, { pollMs: 20 });
    const response = await app.request(`/v1/stream?key=${api.keys.read}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^event: snapshot\ndata: \{.*\}\nid: 1\n\n$/s);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const afterCancel = reads;
    expect(afterCancel).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toBe(afterCancel);
  });
});
