// Measure 2: library.search(q, 200) latency over Chinese and English queries (common, rare, absent)
// at 10,000 articles, beside a naive scan (lower-cased `includes` over every article's text).
import type { LibraryHandle } from '../../core/library/library-handle.js';
import type { ArticleSummary } from '../../core/model.js';
import { readArticleFileSync } from '../../core/library/read-article.js';
import { join } from 'node:path';
import { now, percentile, summarize } from '../measure.js';
import { RARE_TERMS } from '../text-source.js';

export const QUERIES: { q: string; kind: string }[] = [
  { q: '的', kind: 'zh single character (first keystroke)' },
  { q: '中国', kind: 'zh common' },
  { q: '公司', kind: 'zh common' },
  { q: '人工智能', kind: 'zh medium' },
  { q: '新能源汽车', kind: 'zh medium' },
  { q: RARE_TERMS.zh, kind: 'zh rare (planted ~0.1%)' },
  { q: '量子纠缠态', kind: 'zh absent' },
  { q: 'the', kind: 'en common' },
  { q: 'Apple', kind: 'en common, mixed case' },
  { q: 'open source', kind: 'en phrase' },
  { q: RARE_TERMS.en, kind: 'en surname (planted ~0.1%; also in some corpus sentences)' },
  { q: 'zyzzyva', kind: 'en absent' },
  { q: 'ＡＰＰ', kind: 'full-width Latin' },
];

/**
 * Each article with the text the index holds. Read from the library's private entries when they are
 * there (the exact same strings), else re-parsed from the files (the scan-time text, which is what
 * the index starts with too).
 */
export function indexedTexts(library: LibraryHandle): { summary: ArticleSummary; text: string }[] {
  type Entry = { summary: ArticleSummary; searchText: string };
  const entries = (library as unknown as { entries?: Map<string, Entry> }).entries;
  if (entries instanceof Map && entries.size > 0)
    return [...entries.values()].map((e) => ({ summary: e.summary, text: e.searchText }));
  return library.list().articles.map((a) => {
    const parsed = readArticleFileSync(join(library.root, a.path), {
      relPath: a.path,
      size: a.size,
      mtimeMs: a.mtimeMs,
    });
    return { summary: a, text: parsed.searchText };
  });
}

export interface SearchResult {
  firstSearchMs: number;
  p50: number;
  p95: number;
  naiveP50: number;
  naiveP95: number;
  perQuery: {
    q: string;
    kind: string;
    hits: number;
    total: number;
    p50: number;
    naiveP50: number;
    naiveMatches: number;
  }[];
}

export function benchSearch(library: LibraryHandle, reps: number): SearchResult {
  const t0 = now();
  library.search('市场', 200); // the first search loads cached texts and builds the index string
  const firstSearchMs = now() - t0;
  const lowered = indexedTexts(library).map((t) => `${t.summary.title}\n${t.text}`.toLowerCase());
  const all: number[] = [];
  const naiveAll: number[] = [];
  const perQuery: SearchResult['perQuery'] = [];
  for (const { q, kind } of QUERIES) {
    const times: number[] = [];
    const naive: number[] = [];
    let hits = 0;
    let total = 0;
    let naiveMatches = 0;
    for (let i = 0; i < reps; i++) {
      const s = now();
      const r = library.search(q, 200);
      times.push(now() - s);
      hits = r.hits.length;
      total = r.total;
      const n = now();
      const needle = q.toLowerCase();
      let m = 0;
      for (const t of lowered) if (t.includes(needle)) m++;
      naive.push(now() - n);
      naiveMatches = m;
    }
    all.push(...times);
    naiveAll.push(...naive);
    perQuery.push({
      q,
      kind,
      hits,
      total,
      p50: percentile(times, 50),
      naiveP50: percentile(naive, 50),
      naiveMatches,
    });
  }
  const s = summarize(all);
  const n = summarize(naiveAll);
  return { firstSearchMs, p50: s.p50, p95: s.p95, naiveP50: n.p50, naiveP95: n.p95, perQuery };
}
