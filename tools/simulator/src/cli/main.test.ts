import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fifoPolicy } from '../baselines/index';
import { comparePolicies } from '@sluice/scheduler';
import { sluiceForSimulation } from '../comparedPolicies';
import { comparisonJson } from '../report/comparisonJson';
import { fixtureWorkload } from '../testing/workloads';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/sample.swf', import.meta.url));

function simulateCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

// Each test starts its own process; they share nothing, so they run side by side.
describe.concurrent('npm run simulate', () => {
  it('prints one JSON object comparing every policy on an SWF trace and writes the chart', async () => {
    const chart = join(mkdtempSync(join(tmpdir(), 'simulate-')), 'wait.svg');
    const { code, stdout, stderr } = await simulateCli([
      '--trace',
      FIXTURE,
      '--json',
      '--chart',
      chart,
      '--workers',
      '1',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json.policies)).toEqual([
      'fifo',
      'two-level-priority',
      'multi-level-first-fit',
      'easy-backfill',
      'conservative-backfill',
      'slurm-multifactor',
      'sluice',
    ]);
    for (const metrics of Object.values<Record<string, unknown>>(json.policies)) {
      expect(metrics).toMatchObject({
        utilization: { vcpu: expect.any(Number) },
        makespanRatio: expect.any(Number),
        jain: expect.any(Number),
        wait: {
          byClass: {
            high: {
              mean: expect.any(Number),
              p50: expect.any(Number),
              p95: expect.any(Number),
              p99: expect.any(Number),
              max: expect.any(Number),
            },
          },
        },
      });
    }
    expect(json.workload.jobs).toBe(268);
    expect(readFileSync(chart, 'utf8')).toContain('<svg');
  }, 60_000);

  it('gives the same figures when policies run on worker threads as in this process', async () => {
    const { code, stdout } = await simulateCli([
      '--trace',
      FIXTURE,
      '--json',
      '--no-chart',
      '--policies',
      'fifo,sluice',
      '--workers',
      '2',
    ]);
    expect(code).toBe(0);
    const figures = (json: { policies: Record<string, Record<string, unknown>> }) => {
      for (const metrics of Object.values(json.policies)) delete metrics.elapsedMs;
      return json;
    };
    const here = comparisonJson(comparePolicies(fixtureWorkload(), [fifoPolicy, sluiceForSimulation()]));
    expect(figures(JSON.parse(stdout))).toEqual(figures(JSON.parse(JSON.stringify(here))));
  }, 60_000);

  it('generates a saturated trace and drops its estimates when asked', async () => {
    const { code, stdout, stderr } = await simulateCli([
      '--trace',
      'saturated-single:1.1:2',
      '--jobs',
      '200',
      '--no-estimates',
      '--json',
      '--no-chart',
      '--policies',
      'easy-backfill,conservative-backfill',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.workload).toMatchObject({ name: 'saturated-single:1.1:2 (no estimates)', jobs: 200 });
    expect(Object.keys(json.policies)).toEqual(['easy-backfill', 'conservative-backfill']);
    for (const metrics of Object.values<Record<string, unknown>>(json.policies))
      expect(metrics).toMatchObject({ unfinished: 0 });
  }, 60_000);

  it('exits with code 2 and one line when the trace cannot be read', async () => {
    const { code, stdout, stderr } = await simulateCli(['--trace', '/nonexistent/trace.swf', '--no-chart']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['simulate: cannot read trace /nonexistent/trace.swf: ENOENT']);
  }, 60_000);

  it('exits with code 2 on a bad --capacity', async () => {
    const { code, stderr } = await simulateCli(['--trace', 'synthetic', '--capacity', 'lots', '--no-chart']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--capacity/);
  }, 60_000);
});
