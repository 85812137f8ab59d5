// Builds everything a user runs: the renderer (Vite) and the Node bundles of the CLI and the
// desktop host (esbuild, scripts/node-bundles.mjs; npm packages stay external and are loaded from
// node_modules, except in the parse worker, which has them bundled).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { nodeBundles } from './node-bundles.mjs';

const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });
await Promise.all(Object.values(nodeBundles('dist')).map((options) => esbuild(options)));
if (!quiet) console.log('Gloss built into dist/');
