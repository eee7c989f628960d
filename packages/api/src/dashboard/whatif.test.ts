import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveNode, type RunningServer } from '../node/serveNode';
import { CONTENDED_POOL, RECORDED_SHARES, recordContendedHistory } from '../testing/contendedHistory';
import { startTestApi, type TestApi } from '../testing/testApi';
import { openTestBrowser, type TestBrowser } from './testBrowser';

let api: TestApi;
let server: RunningServer;
let chromium: TestBrowser;
let page: Page;

beforeAll(async () => {
  api = await startTestApi({ rateLimit: false });
  await recordContendedHistory(api.store, api.clock, api.deps.newId);
  server = await serveNode(api.app, { port: 0 });
  chromium = await openTestBrowser();
  page = chromium.page;
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await api?.close();
});

/** The what-if page reached the way a user does: the dashboard with its read key, then the link. */
async function openWhatIf(): Promise<void> {
  await page.goto(`${server.url}/dashboard?key=${encodeURIComponent(api.keys.read)}`);
  await page.locator('#status[data-generated]').waitFor();
  await page.locator('[data-test=nav-whatif]').click();
  await page.locator('[data-test=whatif-form]').waitFor();
}

/** Every series a chart drew (the x values first), from its uPlot instance. */
const chartData = (test: string) =>
  page
    .locator(`[data-test=${test}] [data-test=chart]`)
    .first()
    .evaluate((host) => ((host as HTMLElement & { uplot?: { data: number[][] } }).uplot?.data ?? []).map((column) => [...column]));

const meanWait = async (source: string, side: 'recorded' | 'candidate') =>
  Number(await page.locator(`[data-test=whatif-source][data-source=${source}] [data-${side}]`).first().getAttribute(`data-${side}`));

describe('the what-if page in a browser', () => {
  it('compares a candidate policy file with the recorded history: fidelity, charts and moved jobs', async () => {
    await openWhatIf();
    const candidate = { shares: { ...RECORDED_SHARES, 'team-b': 8 } };
    await page.locator('[data-test=whatif-file]').setInputFiles({
      name: 'candidate.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(candidate)),
    });
    await expect.poll(() => page.locator('[data-test=whatif-candidate]').inputValue()).toContain('team-b');
    await page.locator('[data-test=whatif-key]').fill(api.keys.admin);
    await page.locator('[data-test=whatif-compare]').click();
    await page.locator('[data-test=whatif-fidelity]').waitFor();

    expect(await page.locator('[data-test=fidelity-fraction]').innerText()).toBe('100.0%');
    const [buckets, recordedBars, candidateBars] = await chartData('whatif-wait-source');
    expect(buckets!.length).toBeGreaterThan(1);
    expect(Math.max(...recordedBars!, ...candidateBars!)).toBeGreaterThan(0);
    const [times, ...usage] = await chartData('whatif-usage');
    expect(times!.length).toBeGreaterThan(0);
    expect(usage.flat().some((value) => value > 0)).toBe(true);
    expect(await page.locator('[data-test=whatif-usage] h2').first().innerText()).toContain(CONTENDED_POOL);
    expect(await page.locator('[data-test=moved-row]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-test=moved-row]').first().innerText()).toMatch(/on shared/);

    expect(await meanWait('team-b', 'candidate')).toBeLessThan(await meanWait('team-b', 'recorded'));
    expect(await meanWait('team-a', 'candidate')).toBeGreaterThan(await meanWait('team-a', 'recorded'));
  });

  it('shows the fields at fault for an invalid candidate', async () => {
    await openWhatIf();
    await page.locator('[data-test=whatif-candidate]').fill(JSON.stringify({ shares: { 'team-b': -1 } }));
    await page.locator('[data-test=whatif-key]').fill(api.keys.admin);
    await page.locator('[data-test=whatif-compare]').click();
    await page.locator('[data-test=whatif-errors]').waitFor();
    expect(await page.locator('[data-test=whatif-errors] li').first().getAttribute('data-field')).toBe('candidate.shares.team-b');
    expect(await page.locator('[data-test=whatif-fidelity]').count()).toBe(0);
  });

  it('explains that the dashboard’s read key cannot run a what-if', async () => {
    await openWhatIf();
    await page.locator('[data-test=whatif-candidate]').fill(JSON.stringify({ shares: RECORDED_SHARES }));
    await page.locator('[data-test=whatif-compare]').click();
    await page.locator('[data-test=whatif-error]').waitFor();
    expect(await page.locator('[data-test=whatif-error]').innerText()).toMatch(/lacks the admin scope/);
  });
});
