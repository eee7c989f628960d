// Adds up the vitest JSON reports of every project into one closing line: "N passed, N failed".
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'tools'];
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const root of roots) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const project = join(root, name);
    if (!existsSync(join(project, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    if (!manifest.scripts?.test) continue;
    const report = join(project, '.reports', 'vitest.json');
    if (!existsSync(report)) {
      missing.push(project);
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  }
}
if (existsSync('infra/.reports/vitest.json')) {
  const r = JSON.parse(readFileSync('infra/.reports/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
for (const project of missing) console.error(`no test report from ${project}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
