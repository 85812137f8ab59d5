// Scan and reopen budgets at 10,000 files. Timing depends on the machine, so this only runs with
// GLOSS_PERF=1 (e.g. `GLOSS_PERF=1 npx vitest run tests/unit/library/scan-performance`).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../core/library/library.js';
import { corpusDir, fixturesDir, hasCorpus } from './corpus-path.js';

describe.skipIf(!process.env.GLOSS_PERF)('scan performance at 10,000 files', () => {
  const base = mkdtempSync(join(tmpdir(), 'gloss-perf-'));
  const root = join(base, 'library');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('cold scan <= 3x reading the bytes; reopen from cache <= 0.3 s; search p95 <= 30 ms', async () => {
    const sourceDir = hasCorpus ? corpusDir : join(fixturesDir, 'folder/news');
    const sources = readdirSync(sourceDir).map((f) => readFileSync(join(sourceDir, f)));
    const paths: string[] = [];
    for (let i = 0; paths.length < 10_000; i++) {
      const dir = join(root, `f${i % 20}`, `s${i}`);
      mkdirSync(dir, { recursive: true });
      sources.forEach((bytes, j) => {
        if (paths.length >= 10_000) return;
        const p = join(dir, `${j}.txt`);
        writeFileSync(p, bytes);
        paths.push(p);
      });
    }
    let t = performance.now();
    for (const p of paths) await readFile(p);
    const readMs = performance.now() - t;

    const cacheDir = join(base, 'cache');
    t = performance.now();
    let lib = await openLibrary(root, { cacheDir, watch: false });
    await lib.whenScanned();
    const coldMs = performance.now() - t;
    await lib.close();

    t = performance.now();
    lib = await openLibrary(root, { cacheDir, watch: false });
    await lib.whenScanned();
    const warmMs = performance.now() - t;
    expect(lib.list().articles).toHaveLength(10_000);

    lib.search('warm-up', 1);
    const times: number[] = [];
    for (const q of [
      '中国',
      '的',
      'Apple',
      '记者',
      '不存在的词语',
      'ＣＢＬ',
      '2022',
      '攻击者',
      '市场',
      'linux',
    ]) {
      const s = performance.now();
      lib.search(q, 200);
      times.push(performance.now() - s);
    }
    await lib.close();
    times.sort((a, b) => a - b);
    const searchP95 = times[Math.ceil(times.length * 0.95) - 1] as number;
    console.log({ readMs, coldMs, ratio: coldMs / readMs, warmMs, searchP95 });
    expect(coldMs / readMs).toBeLessThanOrEqual(3);
    expect(warmMs).toBeLessThanOrEqual(300);
    expect(searchP95).toBeLessThanOrEqual(30);
  }, 120_000);
});
