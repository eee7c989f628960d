import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';

// A computed specifier keeps bundlers from pulling esbuild (and its native binary) into the Lambda
// bundles; where it is absent the dashboard is simply unavailable.
const ESBUILD = 'esbuild';

let script: Promise<string> | undefined;

/** Found through the package, not beside this file: the CLI runs this code from its own bundle. */
const clientEntry = () => createRequire(import.meta.url).resolve('@sluice/api/dashboard/client');

/** The browser code, bundled once on first request and kept in memory: there is no build step to forget. */
export function dashboardScript(): Promise<string> {
  script ??= bundle().catch((error: unknown) => {
    script = undefined;
    throw error;
  });
  return script;
}

async function bundle(): Promise<string> {
  const esbuild = (await import(/* @vite-ignore */ ESBUILD)) as typeof Esbuild;
  const result = await esbuild.build({
    entryPoints: [clientEntry()],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
