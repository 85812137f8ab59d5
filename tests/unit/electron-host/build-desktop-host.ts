/** Builds the desktop host as scripts/build.mjs does (main, its parse worker, the preload) into `dist`. */
import { build } from 'esbuild';
import { nodeBundles } from '../../../scripts/node-bundles.mjs';

export async function buildDesktopHost(dist: string): Promise<void> {
  const bundles = nodeBundles(dist);
  await Promise.all(
    [bundles.main, bundles.mainWorker, bundles.preload].map((options) =>
      build({ ...options, sourcemap: false }),
    ),
  );
}
