// Measure 3: per-article cleaning (loadArticle: read + parse + cleanHtml) beside @mozilla/readability
// + DOMPurify on jsdom for the same files (same read and front-matter parse).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { openLibrary } from '../../core/library/library.js';
import { loadArticle } from '../../core/library/load-article.js';
import { parseArticleBytes } from '../../core/library/read-article.js';
import type { ArticleSummary } from '../../core/model.js';
import { gc, now, summarize } from '../measure.js';
import { Prng } from '../prng.js';

function baselineClean(abs: string, a: ArticleSummary): number {
  const bytes = readFileSync(abs);
  const parsed = parseArticleBytes(bytes, { relPath: a.path, size: a.size, mtimeMs: a.mtimeMs });
  // A silent console: jsdom otherwise logs every CSS parse problem of the page.
  const dom = new JSDOM(
    `<!doctype html><html><head><title>${a.title}</title></head><body>${parsed.body}</body></html>`,
    {
      virtualConsole: new VirtualConsole(),
    },
  );
  const article = new Readability(dom.window.document).parse();
  const purify = createDOMPurify(dom.window);
  const html = purify.sanitize(article?.content ?? '');
  dom.window.close();
  return html.length;
}

export interface CleanStats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Child task: clean a seeded sample of the library's articles (list from a warm parse cache). */
export async function cleanTask(args: {
  root: string;
  cacheDir: string;
  sample: number;
  seed: number;
  outliers: boolean;
}): Promise<CleanResult> {
  const library = await openLibrary(args.root, { cacheDir: args.cacheDir, watch: false });
  await library.whenScanned();
  const articles = library.list().articles;
  await library.close();
  return benchClean(args.root, articles, args.sample, args.seed, args.outliers);
}

export interface CleanResult {
  sample: number;
  /** Articles each side cleaned before the measured ones. */
  warmUp: number;
  gloss: CleanStats;
  baseline: CleanStats;
  glossSmall: CleanStats;
  baselineSmall: CleanStats;
  /** The first ~1 MB outlier (full runs only), both cleaners. */
  outliers: { bytes: number; glossMs: number; baselineMs: number | null }[];
}

/** Articles cleaned by each side before the measured ones. */
export const WARM_UP = 40;

const stats = (v: number[]): CleanStats => {
  const s = summarize(v);
  return { n: s.n, p50: s.p50, p95: s.p95, max: s.max };
};

export async function benchClean(
  root: string,
  articles: ArticleSummary[],
  sample: number,
  seed: number,
  withOutlier: boolean,
): Promise<CleanResult> {
  const r = new Prng(`clean:${seed}`);
  const normal = articles.filter((a) => a.size < 500_000);
  const picked: ArticleSummary[] = [];
  const seen = new Set<number>();
  while (picked.length < Math.min(sample, normal.length)) {
    const i = r.int(0, normal.length - 1);
    if (seen.has(i)) continue;
    seen.add(i);
    picked.push(normal[i]!);
  }
  const abs = (a: ArticleSummary): string => join(root, ...a.path.split('/'));
  const info = (a: ArticleSummary) => ({ relPath: a.path, size: a.size, mtimeMs: a.mtimeMs });
  // Warm-up (jsdom window creation, JIT) on articles outside the sample. Forty, not a handful:
  // V8 is still optimizing the cleaning code after the first dozen articles (a 19 KB article with
  // a table cleaned in 105 ms after 8 others, 48 ms after 40, 36 ms on a second pass), and the
  // figure is meant to be the cost per article of a session, not of its first few.
  for (const a of normal.filter((x) => !picked.includes(x)).slice(0, WARM_UP)) {
    await loadArticle(abs(a), info(a));
    baselineClean(abs(a), a);
  }
  gc();
  const g: number[] = [];
  const gSmall: number[] = [];
  for (const a of picked) {
    const t = now();
    await loadArticle(abs(a), info(a));
    const ms = now() - t;
    g.push(ms);
    if (a.size < 20_000) gSmall.push(ms);
  }
  gc();
  const b: number[] = [];
  const bSmall: number[] = [];
  for (const a of picked) {
    const t = now();
    baselineClean(abs(a), a);
    const ms = now() - t;
    b.push(ms);
    if (a.size < 20_000) bSmall.push(ms);
  }
  const outliers: CleanResult['outliers'] = [];
  for (const a of articles.filter((x) => x.size >= 500_000).slice(0, withOutlier ? 1 : 0)) {
    let t = now();
    await loadArticle(abs(a), info(a));
    const glossMs = now() - t;
    let baselineMs: number | null = null;
    if (withOutlier) {
      t = now();
      baselineClean(abs(a), a);
      baselineMs = now() - t;
    }
    outliers.push({ bytes: a.size, glossMs, baselineMs });
  }
  return {
    sample: picked.length,
    warmUp: WARM_UP,
    gloss: stats(g),
    baseline: stats(b),
    glossSmall: stats(gSmall),
    baselineSmall: stats(bSmall),
    outliers,
  };
}
