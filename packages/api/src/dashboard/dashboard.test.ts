import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { handlePoolCommand, submitJob } from '@sluice/scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../app/apiEnv';
import { registerDashboardStream } from './streamRoute';
import { serveNode, type RunningServer } from '../node/serveNode';
import { startTestApi, type TestApi } from '../testing/testApi';

const REPORTS = fileURLToPath(new URL('../../.reports/', import.meta.url));
const DOCS = fileURLToPath(new URL('../../../../docs/', import.meta.url));

let api: TestApi;
let server: RunningServer;
let profile: string;
let browser: BrowserContext;
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
  profile = mkdtempSync(join(tmpdir(), 'sluice-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

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
    expect(await page.locator('[data-test=wait-chart] svg path').count()).toBe(1);
    expect(await page.locator('[data-test=utilization-chart] svg path').count()).toBe(2);

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
