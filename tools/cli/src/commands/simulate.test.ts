import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../testing/runCliAsync';

describe('sluice simulate', () => {
  it('hands its arguments to the simulator and keeps its output and exit codes', { timeout: 150_000 }, async () => {
    const [ok, bad] = await Promise.all([
      runCliAsync(['simulate', '--trace', 'synthetic:1', '--jobs', '40', '--json', '--no-chart', '--workers', '1', '--policies', 'sluice,fifo']),
      runCliAsync(['simulate', '--trace', 'synthetic:1', '--jobs', 'zero']),
    ]);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as { workload: { jobs: number }; policies: Record<string, unknown> };
    expect(report.workload.jobs).toBe(40);
    expect(Object.keys(report.policies).sort()).toEqual(['fifo', 'sluice']);
    expect(ok.stderr).toMatch(/simulate done in/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--jobs <n>' argument 'zero' is invalid");
  });
});
