/**
 * The scan's parse worker as scripts/build.mjs builds it (scripts/node-bundles.mjs): packaged, it
 * runs from inside the asar archive, so it must carry its packages with it. It imports nothing but
 * Node's built-ins, and runs from a folder with no node_modules anywhere above it.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBundles } from '../../../scripts/node-bundles.mjs';
import { ParsePool } from '../../../core/library/parse-pool.js';
import { readArticleFileSync } from '../../../core/library/read-article.js';

const work = mkdtempSync(join(tmpdir(), 'gloss-worker-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bundles = nodeBundles(join(work, 'dist'));
const workers = { cli: bundles.cliWorker, electron: bundles.mainWorker };
const imports = new Map<string, string[]>();

beforeAll(async () => {
  for (const [name, options] of Object.entries(workers)) {
    const result = await build({ ...options, sourcemap: false, metafile: true });
    const outputs = Object.values(result.metafile.outputs);
    imports.set(
      name,
      outputs.flatMap((o) => o.imports.map((i) => i.path)),
    );
  }
}, 60_000);

describe('the built parse worker', () => {
  it.each(Object.keys(workers))('in dist/%s imports only node: built-ins', (name) => {
    const paths = imports.get(name)!;
    expect(paths).toContain('node:worker_threads');
    expect(paths.filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  // `npm test` builds dist/ first; a build left from before this rule fails here too.
  it.each(['cli', 'electron'])('already built in dist/%s imports only node: built-ins', async (dir) => {
    const built = resolve('dist', dir, 'parse-worker.js');
    if (!existsSync(built)) return;
    const result = await build({
      entryPoints: [built],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const paths = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((r) => r.path));
    expect(paths).toContain('node:worker_threads');
    expect(paths.filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it('is the file parse-pool.ts starts, beside each bundle', () => {
    expect(workers.cli.outfile).toBe(join(work, 'dist', 'cli', 'parse-worker.js'));
    expect(workers.electron.outfile).toBe(join(work, 'dist', 'electron', 'parse-worker.js'));
    expect(statSync(workers.electron.outfile!).size).toBeGreaterThan(0);
  });

  it('parses an article like the main thread from a folder without node_modules', async () => {
    const alone = join(mkdtempSync(join(tmpdir(), 'gloss-worker-alone-')), 'parse-worker.js');
    copyFileSync(workers.electron.outfile!, alone);
    const file = resolve('tests/fixtures/library/folder/news/sina-style.txt');
    const info = { relPath: 'news/sina-style.txt', size: statSync(file).size, mtimeMs: 1 };
    const pool = new ParsePool(1, { source: pathToFileURL(alone), eval: false });
    try {
      // A worker that cannot load its imports never says it is ready.
      const end = Date.now() + 20_000;
      while (!pool.hasRoom && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(pool.hasRoom).toBe(true);
      const [parsed] = await pool.parse([{ absPath: file, ...info }]);
      const expected = readArticleFileSync(file, info);
      expect(parsed!.summary.title).toBe(expected.summary.title);
      expect(parsed!.searchText).toBe(expected.searchText);
    } finally {
      await pool.close();
      rmSync(join(alone, '..'), { recursive: true, force: true });
    }
  });
});
