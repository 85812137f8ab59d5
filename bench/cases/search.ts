// Measure 2: library.search(q, 200) latency over Chinese and English queries (common, rare, absent)
// at 10,000 articles, beside a naive scan (lower-cased `includes` over every article's text).
import { libraryContract } from '../../core/api/library-contract.js';
import { libraryHandlers } from '../../core/api/library-handlers.js';
import type { ServiceContext } from '../../core/api/service-context.js';
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

/** Queries in the query language, as a researcher types them (AND, phrase, OR, exclusion). */
export const LANGUAGE_QUERIES: string[] = [
  '中国 公司',
  '"open source"',
  '中国 OR 美国',
  '公司 -中国',
  'Apple revenue',
];

export interface GroupedSearchResult {
  p50: number;
  p95: number;
  /** One sample per (query × filter × repetition). */
  samples: number;
  filters: string[];
  perQuery: { q: string; filter: string; articles: number; total: number; capped: boolean; p50: number }[];
}

/**
 * The search operation as the UI calls it (the API handler): every query above and the language
 * queries, each with no filter and with the list's filters (folder, category, date range), grouped
 * by article with the first three hits in context of 80 characters for the first 50 articles, and
 * every matching article's count. The session is the library alone (no highlights: the tag and
 * "has highlights" filters ask the store for ids, which is not what this measures).
 */
export async function benchGroupedSearch(library: LibraryHandle, reps: number): Promise<GroupedSearchResult> {
  const articles = library.list().articles;
  const folderCounts = new Map<string, number>();
  const categoryCounts = new Map<string, number>();
  for (const a of articles) {
    const top = a.folder.split('/')[0] ?? '';
    folderCounts.set(top, (folderCounts.get(top) ?? 0) + 1);
    for (const c of a.categories) categoryCounts.set(c, (categoryCounts.get(c) ?? 0) + 1);
  }
  const most = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const filters: { name: string; filter: Record<string, string> | undefined }[] = [
    { name: 'none', filter: undefined },
    { name: `folder ${most(folderCounts)}`, filter: { folder: most(folderCounts) } },
    { name: `category ${most(categoryCounts)}`, filter: { category: most(categoryCounts) } },
    { name: 'dates 2020-01-01..2021-12-31', filter: { from: '2020-01-01', to: '2021-12-31' } },
  ];
  const ctx = {
    session: { library, annotations: { counts: async () => ({}), articleIdsWithTags: async () => [] } },
  } as unknown as ServiceContext;
  const handlers = libraryHandlers(ctx);
  const all: number[] = [];
  const perQuery: GroupedSearchResult['perQuery'] = [];
  for (const q of [...QUERIES.map((x) => x.q), ...LANGUAGE_QUERIES]) {
    for (const { name, filter } of filters) {
      const input = libraryContract.search.input.parse({ query: q, ...(filter ? { filter } : {}) });
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof handlers.search>> | null = null;
      for (let i = 0; i < reps; i++) {
        const s = now();
        last = await handlers.search(input);
        times.push(now() - s);
      }
      all.push(...times);
      perQuery.push({
        q,
        filter: name,
        articles: last?.articleCount ?? 0,
        total: last?.total ?? 0,
        capped: last?.totalCapped ?? false,
        p50: percentile(times, 50),
      });
    }
  }
  const s = summarize(all);
  return { p50: s.p50, p95: s.p95, samples: all.length, filters: filters.map((f) => f.name), perQuery };
}
