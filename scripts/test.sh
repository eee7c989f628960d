#!/usr/bin/env bash
# The project's test command (`npm test`): typecheck, lint and every test suite, with the
# services the tests need installed first: Java for DynamoDB Local, Chromium for the browser
# tests, Prometheus for the scrape test, SLURM for the SLURM backend. Prints a one-line total.
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# CI proves the tests pass by running them, never by replaying a cached result.
if [ "${CI:-}" = "true" ]; then export NX_SKIP_NX_CACHE=true; fi

bash scripts/ensure-java.sh
# One after another, before any test runs: two apt-get installs at once would fight over dpkg's lock.
bash scripts/ensure-chromium.sh
bash scripts/ensure-prometheus.sh
bash scripts/ensure-slurm.sh
rm -f packages/*/.reports/vitest.json tools/*/.reports/vitest.json infra/.reports/vitest.json
npx nx run-many -t typecheck lint test --outputStyle=stream --parallel=2
node scripts/test-summary.mjs
