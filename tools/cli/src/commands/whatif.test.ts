import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore, type Seeded } from '../testing/seededStore';
import { runCli } from '../testing/runCli';

describe('sluice whatif', () => {
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedStore();
  }, 60_000);
  afterAll(() => seeded?.remove());

  const policyFile = (name: string, policy: unknown) => {
    const file = join(seeded.dir, name);
    writeFileSync(file, JSON.stringify(policy));
    return file;
  };

  it('refuses an invalid candidate with exit code 2, names the field and appends nothing', { timeout: 60_000 }, async () => {
    const before = (await seeded.events()).length;
    const bad = runCli(['whatif', '--data-dir', seeded.dir, '--policy', policyFile('bad.json', { shares: { 'ingest-team': -2 } })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('shares.ingest-team');
    const unknownField = runCli(['whatif', '--data-dir', seeded.dir, '--policy', policyFile('typo.json', { shares: {}, agingSecs: 60 })]);
    expect(unknownField.code).toBe(2);
    expect(unknownField.stderr).toContain('agingSecs');
    const badTime = runCli(['whatif', '--data-dir', seeded.dir, '--policy', policyFile('ok.json', { shares: {} }), '--from', 'monday']);
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain('--from');
    expect((await seeded.events()).length).toBe(before);
  });

  it('gives the same report from an NDJSON export as from the store, and appends nothing', { timeout: 60_000 }, async () => {
    const before = (await seeded.events()).length;
    const candidate = policyFile('candidate.json', { shares: { 'ingest-team': 3 } });
    const exported = join(seeded.dir, 'export.ndjson');
    expect(runCli(['export', '--data-dir', seeded.dir, '--out', exported]).code).toBe(0);
    const fromStore = runCli(['whatif', '--data-dir', seeded.dir, '--policy', candidate, '--json']);
    const fromFile = runCli(['whatif', '--input', exported, '--policy', candidate, '--json']);
    expect(fromStore.code, fromStore.stderr).toBe(0);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    const report = JSON.parse(fromStore.stdout) as { window: { jobs: number }; fidelity: { recordedAdmissions: number; fraction: number } };
    expect(report.window.jobs).toBe(5);
    expect(report.fidelity.recordedAdmissions).toBeGreaterThan(0);
    expect(report.fidelity.fraction).toBe(1);
    expect(JSON.parse(fromFile.stdout)).toEqual(report);
    const table = runCli(['whatif', '--input', exported, '--policy', candidate]);
    expect(table.stdout).toMatch(/Fidelity: \d+ of \d+ recorded admissions reproduced exactly/);
    expect(table.stdout).toContain('source ingest-team');
    expect((await seeded.events()).length).toBe(before);
  });
});
