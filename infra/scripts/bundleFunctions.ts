// Bundles each function of the catalogue into dist/functions/<name>/index.mjs for the program to
// deploy. The catalogue is the one list of functions: Pulumi reads it too, so the two never differ.
// The AWS SDK v3 ships with the Node.js Lambda runtime, so it stays out of the bundles.
import { build } from 'esbuild';
import { FUNCTION_NAMES, functionEntryFile } from '../src/functions/catalog';

const outfile = (name: string) => `dist/functions/${name}/index.mjs`;

await Promise.all(
  FUNCTION_NAMES.map((name) =>
    build({
      entryPoints: [`src/functions/${functionEntryFile(name)}`],
      outfile: outfile(name),
      bundle: true,
      platform: 'node',
      // The functions run on nodejs22.x (lambdas.ts); node20 syntax is the newest that Node 20, used
      // locally and in CI, also runs, and Node 22 runs everything Node 20 does.
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
console.log(`built ${FUNCTION_NAMES.map(outfile).join(', ')}`);
