import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileTextQuery } from '../../../core/analysis/text-query.js';
import { normalizeForSearch } from '../../../core/search/normalize-text.js';

const text = '疫情期间，上海的公共卫生体系承压。Public Health officials said public health matters.';

describe('compileTextQuery (Code hits… reads the search box language)', () => {
  it('ANDs words, ORs alternatives and excludes -words, like the search box', () => {
    const match = (q: string) => compileTextQuery(q)!.matchesArticle('标题', text);
    expect(match('疫情 上海')).toBe(true);
    expect(match('疫情 北京')).toBe(false);
    expect(match('北京 OR 上海')).toBe(true);
    expect(match('疫情 -上海')).toBe(false);
    expect(match('"public health" officials')).toBe(true);
    expect(match('"health public"')).toBe(false);
  });

  it('finds every occurrence of every positive word, case- and width-insensitively, in text order', () => {
    const q = compileTextQuery('"public health" OR 上海 -北京')!;
    const hits = q.occurrences(text).map((r) => text.slice(r.start, r.end));
    expect(hits).toEqual(['上海', 'Public Health', 'public health']);
  });

  it('has nothing to search for in an empty or exclusion-only query', () => {
    expect(compileTextQuery('   ')).toBeNull();
    expect(compileTextQuery('-上海')).toBeNull();
  });

  it('returns ordered, non-overlapping ranges whose folded text is one of the words', () => {
    const words = fc.constantFrom('ab', 'b', 'abc', '上海', 'Ａb');
    fc.assert(
      fc.property(
        fc.array(words, { minLength: 1, maxLength: 3 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '上', '海', ' ') }),
        (ws, hay) => {
          const q = compileTextQuery(ws.join(' OR '))!;
          const norms = ws.map((w) => normalizeForSearch(w));
          let last = -1;
          for (const r of q.occurrences(hay)) {
            expect(r.start).toBeGreaterThanOrEqual(last);
            expect(norms).toContain(normalizeForSearch(hay.slice(r.start, r.end)));
            last = r.end;
          }
        },
      ),
    );
  });
});
