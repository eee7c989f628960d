// Bundles the CLI (and the local runtime it starts) into dist/, so `sluice` and `npm start` run
// plain JavaScript: no TypeScript compiler at start-up. Sluice's own packages are bundled from
// source; every other package stays an import, resolved from node_modules as usual. A bundle newer
// than every source it is made of is left as it is, so `npm start` pays for a build only after an
// edit.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(cliRoot, '../..');
const bundle = join(cliRoot, 'dist/sluice.mjs');
const sources = ['packages/domain', 'packages/scheduler', 'packages/adapters', 'packages/api', 'tools/runtime', 'tools/simulator', 'tools/cli'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const fresh = () =>
  existsSync(bundle) &&
  sources.every((project) => newestSource(join(repoRoot, project)) < statSync(bundle).mtimeMs);

const ownPackages = /^@sluice\//;

/** Leaves third-party packages (native modules, the AWS SDK, esbuild itself) out of the bundle. */
const thirdPartyExternal = {
  name: 'third-party-external',
  setup(onBuild) {
    onBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      ownPackages.test(args.path) || args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
    );
  },
};

if (process.argv.includes('--force') || !fresh()) {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: cliRoot,
    entryPoints: { sluice: 'src/main.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    // Commands load what they need when they run: `sluice --help` reads only the command table.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    plugins: [thirdPartyExternal],
    logLevel: 'warning',
  });
}
