import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFrequentGrams, GRAM_SLOTS } from '../../../core/search/frequent-grams.js';
import { normalizeForSearch } from '../../../core/search/normalize-text.js';
import { parseQuery } from '../../../core/search/parse-query.js';
import { countTerm } from '../../../core/search/query-chunk.js';
import { buildChunk, type Entry } from '../../../core/search/search-chunk.js';
import { SearchIndex } from '../../../core/search/search-index.js';

/** Non-overlapping occurrences, as a search counts them. */
const occurrences = (hay: string, needle: string): number => {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
};

const entries = (texts: [string, string][]): Entry[] =>
  texts.map(([title, text], i) => ({ id: `a${i}`, path: `p/${i}`, title, text, chunk: null }));

/** What the index holds of an article: title and text, each normalised, apart. */
const parts = (e: Entry): string[] =>
  [e.title, e.text].map((s) => normalizeForSearch(s.replace(/[\u0000\u0001]/g, ' ')));

// Many distinct units (more than the table ranks), a few very frequent ones, repeats (哈哈, ee)
// and the separators inside texts.
const wide = [
  ...'的中国公司人工智能哈e ',
  ...Array.from({ length: 300 }, (_, k) => String.fromCharCode(0x4e00 + k * 7)),
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'的中国公司哈哈eevsource app ') },
  { weight: 2, arbitrary: fc.constantFrom(...wide) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0001', 'E', 'Ｅ', '\n') },
);
const text = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));
const articles = fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 10 });

describe('counting a term in a chunk', () => {
  it('counts the most frequent units and pairs exactly, per article (property)', () => {
    fc.assert(
      fc.property(articles, (texts) => {
        const es = entries(texts);
        const built = buildChunk(es);
        const grams = countFrequentGrams(built.units, built.starts);
        if (texts.some(([t, b]) => /[^\u0000\u0001]/.test(t + b)))
          expect(grams.slots.size).toBeGreaterThan(0);
        for (const [term, slot] of grams.slots) {
          expect(term.length === 2 && term[0] === term[1]).toBe(false); // 哈哈 would overlap
          es.forEach((e, i) => {
            const naive = parts(e).reduce((sum, p) => sum + occurrences(p, term), 0);
            expect(grams.counts[i * GRAM_SLOTS + slot]).toBe(naive);
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts any term up to the cap in the articles still alive, from the table or by searching (property)', () => {
    fc.assert(
      fc.property(
        articles,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        fc.boolean(),
        (texts, picks, cap, mask, counted) => {
          const es = entries(texts);
          const built = buildChunk(es);
          if (counted) built.grams = countFrequentGrams(built.units, built.starts);
          const alive = Uint8Array.from(es, (_, i) => (mask[i] ? 1 : 0));
          for (const [article, at, length] of picks) {
            // A term cut from the articles' text (so it occurs), or a word that may not.
            const source = parts(es[article % es.length] as Entry)[1] as string;
            const start = source.length > 0 ? at % source.length : 0;
            const term = source.slice(start, start + length).trim() || 'eev';
            if (/[\u0000\u0001]/.test(term)) continue;
            const counts = new Int32Array(es.length);
            countTerm(built, term, alive, cap, counts);
            es.forEach((e, i) => {
              const naive = parts(e).reduce((sum, p) => sum + occurrences(p, term), 0);
              expect(counts[i], `${JSON.stringify(term)} in article ${i}`).toBe(
                alive[i] ? Math.min(cap, naive) : 0,
              );
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a term whose rarest letter is not its first, however its prefix repeats', () => {
    const es = entries([
      ['', 'eeev eev xeev'],
      ['eev', 'ee v e ev'],
    ]);
    const built = buildChunk(es);
    const counts = new Int32Array(2);
    countTerm(built, 'eev', Uint8Array.of(1, 1), 10, counts);
    expect([...counts]).toEqual([3, 1]);
  });
});

describe('the index counts common terms in the background after a big build', () => {
  const build = (): SearchIndex => {
    const index = new SearchIndex({ chunkUnits: 1 << 18 });
    const para = '中国的公司在美国。'.repeat(9000);
    for (let i = 0; i < 30; i++)
      index.set(
        `a${i}`,
        `p/${String(i).padStart(2, '0')}`,
        `t${i}`,
        i % 3 ? para : para.replace(/中国/g, '英国'),
      );
    index.prepare();
    return index;
  };
  const answer = (index: SearchIndex) =>
    index.find(parseQuery('中国 公司'), { countCap: 50 }).found.map((f) => [f.id, f.hits]);

  it('answers the same before and after the counts are in', async () => {
    const index = build();
    expect(index.gramsPending).toBeGreaterThan(0);
    const before = answer(index);
    await index.whenComplete();
    expect(index.gramsPending).toBe(0);
    expect(answer(index)).toEqual(before);
    expect(before).toHaveLength(20);
    expect(before[0]).toEqual(['a1', 100]);
  });

  it('stops when told (on close), and still answers', async () => {
    const index = build();
    index.stopBackground();
    await index.whenComplete();
    expect(index.gramsPending).toBe(0);
    expect(answer(index)).toHaveLength(20);
  });
});
