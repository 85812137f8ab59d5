import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { normalizeForSearch } from '../../../core/search/normalize-text.js';
import { parseQuery, type ParsedQuery } from '../../../core/search/parse-query.js';
import { runSearch } from '../../../core/search/run-search.js';
import { SearchIndex } from '../../../core/search/search-index.js';

interface Doc {
  id: string;
  path: string;
  title: string;
  text: string;
}

function indexOf(docs: Doc[], chunkUnits?: number): SearchIndex {
  const index = new SearchIndex(chunkUnits ? { chunkUnits } : {});
  for (const d of docs) index.set(d.id, d.path, d.title, d.text);
  return index;
}

const count = (hay: string, needle: string): number => {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
};

/** The matching articles and their counts, the slow obvious way (path order). */
function reference(docs: Doc[], q: ParsedQuery): { id: string; hits: number }[] {
  const out: { id: string; hits: number }[] = [];
  for (const d of [...docs].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const parts = [d.title, d.text].map((s) => normalizeForSearch(s.replace(/[\u0000\u0001]/g, ' ')));
    const n = (t: string): number => parts.reduce((sum, p) => sum + count(p, t), 0);
    const ok = q.clauses.every((c) =>
      c.kind === 'not' ? n(c.term.norm) === 0 : c.terms.some((t) => n(t.norm) > 0),
    );
    if (q.clauses.length > 0 && ok)
      out.push({ id: d.id, hits: q.positive.reduce((s, t) => s + n(t.norm), 0) });
  }
  return out;
}

const docs: Doc[] = [
  {
    id: 'a',
    path: 'health/a.md',
    title: '疫情通报',
    text: '上海疫情防控进入新阶段。\n\n疫情期间，public health matters.',
  },
  { id: 'b', path: 'health/b.md', title: 'Covid report', text: 'The COVID outbreak in Shanghai. 新冠疫情' },
  {
    id: 'c',
    path: 'tech/c.md',
    title: 'Apple',
    text: 'Apple released a phone. Public  health is not mentioned.',
  },
  { id: 'd', path: 'tech/d.md', title: '新冠', text: '北京新冠病例。' },
];

describe('runSearch', () => {
  const index = indexOf(docs);

  it('groups hits by article, with a count per article and the totals', () => {
    const r = runSearch(index, '疫情');
    expect(r.articleCount).toBe(2);
    expect(r.total).toBe(4); // title + two in a, one in b
    expect(r.articles).toEqual({ ids: ['a', 'b'], hits: [3, 1], capped: [false, false] });
    expect(r.groups.map((g) => [g.articleId, g.title, g.hits, g.first.length])).toEqual([
      ['a', '疫情通报', 3, 3],
      ['b', 'Covid report', 1, 1],
    ]);
    // A title hit first (offset -1), then text hits in order, each with its context.
    expect(r.groups[0]?.first.map((h) => h.offset)).toEqual([-1, 2, 14]);
    expect(r.groups[0]?.first[1]).toMatchObject({ before: '上海', match: '疫情', after: '防控进入新阶段。' });
    expect(r.hits).toEqual(r.groups.flatMap((g) => g.first));
  });

  it('requires every word, takes either side of OR, and leaves out excluded words', () => {
    expect(runSearch(index, '疫情 上海').articles.ids).toEqual(['a']);
    expect(runSearch(index, '疫情 shanghai').articles.ids).toEqual(['b']);
    expect(runSearch(index, '疫情 OR 新冠').articles.ids).toEqual(['a', 'b', 'd']);
    expect(runSearch(index, '疫情 OR 新冠 -北京').articles.ids).toEqual(['a', 'b']);
    expect(runSearch(index, '"public health"').articles.ids).toEqual(['a']); // c has two spaces
    expect(runSearch(index, 'public health').articles.ids).toEqual(['a', 'c']);
  });

  it('narrows to the articles the filters leave', () => {
    const r = runSearch(index, '疫情 OR 新冠', { ids: new Set(['b', 'd', 'gone']) });
    expect(r.articles.ids).toEqual(['b', 'd']);
    expect(r.total).toBe(4);
  });

  it('orders by hits when asked, and pages the groups', () => {
    const r = runSearch(index, '疫情 OR 新冠', {
      order: 'hits',
      groupOffset: 1,
      groupLimit: 1,
      hitsPerArticle: 1,
    });
    expect(r.articles.ids).toEqual(['a', 'b', 'd']);
    expect(r.articles.hits).toEqual([3, 2, 2]);
    expect(r.groups.map((g) => g.articleId)).toEqual(['b']);
    expect(r.groups[0]?.first).toHaveLength(1);
  });

  it('counts a very common word only up to the cap, and says so', () => {
    const many = indexOf([{ id: 'x', path: 'x.md', title: 't', text: '的'.repeat(5000) }]);
    const r = many.find(parseQuery('的'), { countCap: 30 });
    expect(r.found[0]).toMatchObject({ hits: 30, capped: true });
    const reply = runSearch(many, '的');
    expect(reply.totalCapped).toBe(true);
    expect(reply.articles.capped).toEqual([true]);
    expect(reply.articles.hits[0]).toBe(reply.countCap);
  });

  it('reports what it could not read, and finds nothing for a query of exclusions', () => {
    const r = runSearch(index, '-疫情');
    expect(r.articleCount).toBe(0);
    expect(r.problems.map((p) => p.code)).toEqual(['only-exclusions']);
  });

  it('answers the same when the index could not be built', () => {
    const errors: string[] = [];
    const broken = new SearchIndex({ onError: (m) => errors.push(m) });
    for (const d of docs) broken.set(d.id, d.path, d.title, d.text);
    const spy = vi.spyOn(Buffer, 'allocUnsafeSlow').mockImplementation(() => {
      throw new RangeError('Array buffer allocation failed');
    });
    try {
      for (const q of ['疫情', '疫情 OR 新冠 -北京', 'public health'])
        expect(runSearch(broken, q)).toEqual(runSearch(index, q));
      expect(errors).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers like the obvious slow search, whatever the articles, query and chunk size (property)', () => {
    const word = fc.constantFrom('疫情', '上海', 'ab', 'b', 'AB', 'ｂ', '的', 'a b', 'x');
    const text = fc.array(fc.constantFrom('疫情', '上海', 'ab', 'a', 'b', ' ', '\n\n', '的', 'x', 'Ｂ'), {
      maxLength: 12,
    });
    const doc = fc.tuple(text, text).map(([t, b]) => ({ title: t.join(''), text: b.join('') }));
    const query = fc.array(
      fc.tuple(fc.constantFrom('', '-', '"'), word, fc.constantFrom(' ', ' OR ', ' | ')),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(doc, { maxLength: 12 }),
        query,
        fc.constantFrom(1, 16, 1 << 20),
        (ds, qs, chunk) => {
          const all = ds.map((d, i) => ({ ...d, id: `id${i}`, path: `p/${String(i).padStart(2, '0')}` }));
          const q = qs.map(([pre, w, sep]) => (pre === '"' ? `"${w}"` : pre + w) + sep).join('');
          const parsed = parseQuery(q);
          const expected = reference(all, parsed);
          const got = indexOf(all, chunk).find(parsed, { countCap: 1000 }).found;
          expect(got.map((f) => ({ id: f.id, hits: f.hits }))).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
