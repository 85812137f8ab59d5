// Builds everything a user runs: the renderer (Vite) and the Node bundles of the CLI and the
// desktop host (esbuild; npm packages stay external and are loaded from node_modules).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await Promise.all([
  esbuild({ ...node, entryPoints: ['cli/index.ts'], outfile: 'dist/cli/index.js', format: 'esm' }),
  esbuild({ ...node, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm' }),
  // The scan's parse worker, next to each bundle that opens libraries (core/library/parse-pool.ts).
  ...['dist/cli', 'dist/electron'].map((dir) =>
    esbuild({
      ...node,
      entryPoints: ['core/library/parse-worker.ts'],
      outfile: `${dir}/parse-worker.js`,
      format: 'esm',
    }),
  ),
  // A sandboxed preload must be a single CommonJS file that requires only 'electron'.
  esbuild({
    ...node,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    packages: undefined,
    external: ['electron'],
  }),
]);
if (!quiet) console.log('Gloss built into dist/');
