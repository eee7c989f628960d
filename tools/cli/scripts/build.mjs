// Bundles the CLI (and the local runtime it starts) into dist/sluice.mjs, so `sluice` and
// `npm start` run plain JavaScript: no TypeScript compiler at start-up. Sluice's own packages are
// bundled from source; every other package stays an import, resolved from node_modules as usual.
import { build } from 'esbuild';

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

await build({
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
