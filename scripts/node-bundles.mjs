// The esbuild bundles of the Node side: the CLI, the desktop host (main + preload) and the scan's
// parse worker beside each. scripts/build.mjs builds them into dist/; tests build the same list
// into a folder of their own to check what ships (tests/unit/build/, tests/unit/electron-host/).
import { isBuiltin } from 'node:module';
import { join } from 'node:path';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * Built-in modules imported by bundled packages (`require('fs')`) are left to Node under their
 * `node:` name, so the bundle names no module that a package folder could shadow.
 */
const builtinsAsNodeScheme = {
  name: 'builtins-as-node-scheme',
  setup(build) {
    build.onResolve({ filter: /^[a-z_/]+$/ }, (args) =>
      isBuiltin(args.path) ? { path: `node:${args.path}`, external: true } : undefined,
    );
  },
};

/**
 * The parse worker has every package bundled in: packaged, it runs from inside the asar archive
 * (worker threads read the archive like the main thread), where the bundle must not depend on how
 * a worker resolves node_modules. Bundled CommonJS packages `require()` built-ins, which an ES
 * module has no `require` for: the banner makes one.
 */
function parseWorker(dir) {
  return {
    ...node,
    packages: undefined,
    plugins: [builtinsAsNodeScheme],
    entryPoints: ['core/library/parse-worker.ts'],
    outfile: join(dir, 'parse-worker.js'),
    format: 'esm',
    banner: {
      js: "import { createRequire as glossCreateRequire } from 'node:module'; const require = glossCreateRequire(import.meta.url);",
    },
  };
}

/** esbuild options of every Node bundle, written under `outRoot` (normally `dist`). */
export function nodeBundles(outRoot = 'dist') {
  const cli = join(outRoot, 'cli');
  const electron = join(outRoot, 'electron');
  return {
    cli: { ...node, entryPoints: ['cli/index.ts'], outfile: join(cli, 'index.js'), format: 'esm' },
    cliWorker: parseWorker(cli),
    main: { ...node, entryPoints: ['electron/main.ts'], outfile: join(electron, 'main.js'), format: 'esm' },
    mainWorker: parseWorker(electron),
    // A sandboxed preload must be a single CommonJS file that requires only 'electron'.
    preload: {
      ...node,
      entryPoints: ['electron/preload.ts'],
      outfile: join(electron, 'preload.cjs'),
      format: 'cjs',
      packages: undefined,
      external: ['electron'],
    },
  };
}
