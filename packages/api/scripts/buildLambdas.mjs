// Bundles each Lambda entry into dist/lambda/<name>/index.mjs for the infra program to deploy.
// The AWS SDK v3 ships with the Node.js Lambda runtime, so it stays out of the bundles.
import { build } from 'esbuild';

const ENTRIES = [
  'api',
  'authorizer',
  'projector',
  'scheduler',
  'request-admission',
  'start-job',
  'get-job-status',
  'report-result',
  'report-failure',
  'reconciler',
];
// Entry files are camelCase; the infra program deploys each from its kebab-case directory.
const entryFile = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

await Promise.all(
  ENTRIES.map((name) =>
    build({
      entryPoints: [`src/lambda/${entryFile(name)}.ts`],
      outfile: `dist/lambda/${name}/index.mjs`,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: ['@aws-sdk/*'],
      // The embedded SQLite store is never used in the cloud; its native module has no place in a Lambda.
      alias: { 'better-sqlite3': './scripts/noEmbeddedStore.mjs' },
      // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      sourcemap: true,
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
      metafile: false,
    }),
  ),
);
console.log(`built ${ENTRIES.map((name) => `dist/lambda/${name}/index.mjs`).join(', ')}`);
