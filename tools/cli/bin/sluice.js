#!/usr/bin/env node
// The CLI runs from its bundle, in this process: signals reach Sluice itself, and nothing compiles
// TypeScript at start-up. `npm ci`, `npm start` and the tests build it (npm run build -w @sluice/cli).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/sluice.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('error: the sluice CLI is not built; run `npm run build -w @sluice/cli` (npm ci does it)\n');
  process.exit(1);
}
await import(bundle.href);
