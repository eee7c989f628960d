import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';

// A computed specifier keeps bundlers from pulling esbuild (and its native binary) into the Lambda
// bundles; where it is absent the dashboard is simply unavailable.
const ESBUILD = 'esbuild';

/** The page's script and the stylesheet of what it imports (uPlot's). */
export interface DashboardAssets {
  script: string;
  styles: string;
}

let assets: Promise<DashboardAssets> | undefined;

/** Found through the package, not beside this file: the CLI runs this code from its own bundle. */
const clientEntry = () => createRequire(import.meta.url).resolve('@sluice/api/dashboard/client');

/** The browser code, bundled once on first request and kept in memory: there is no build step to forget. */
export function dashboardAssets(): Promise<DashboardAssets> {
  assets ??= bundle().catch((error: unknown) => {
    assets = undefined;
    throw error;
  });
  return assets;
}

async function bundle(): Promise<DashboardAssets> {
  const esbuild = (await import(/* @vite-ignore */ ESBUILD)) as typeof Esbuild;
  const result = await esbuild.build({
    entryPoints: [clientEntry()],
    bundle: true,
    write: false,
    // Nothing is written: the directory only names the two outputs, app.js and app.css.
    outdir: 'dashboard',
    entryNames: 'app',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = (extension: string) => result.outputFiles.find((file) => file.path.endsWith(extension))?.text;
  const script = output('.js');
  if (script === undefined) throw new Error('the dashboard bundle has no script');
  return { script, styles: output('.css') ?? '' };
}
