// Seeded samples: the same seed on the same articles gives the same sample whatever order they
// come in; strata get their proportional (largest remainder) or equal share, summing to the size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateStrata } from '../../../core/analysis/allocate-strata.js';
import { dayOf, isoWeekOf, periodsOf, stratumOf } from '../../../core/analysis/article-facets.js';
import {
  drawSeededSample,
  sizeOfPercent,
  type SampleCandidate,
} from '../../../core/analysis/seeded-sample.js';

const sizes = fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 8 });

describe('allocateStrata', () => {
  it('sums to the size asked (or every article), never takes more than a stratum has', () => {
    fc.assert(
      fc.property(sizes, fc.nat({ max: 400 }), fc.boolean(), (s, n, equal) => {
        const out = allocateStrata(s, n, equal);
        const total = s.reduce((a, b) => a + b, 0);
        expect(out.reduce((a, b) => a + b, 0)).toBe(Math.min(n, total));
        out.forEach((k) => expect(k).toBeGreaterThanOrEqual(0));
        out.forEach((k, i) => expect(k).toBeLessThanOrEqual(s[i]!));
      }),
    );
  });

  it('proportional: each stratum within one of its exact share n × size / total', () => {
    fc.assert(
      fc.property(sizes, fc.nat({ max: 400 }), (s, n) => {
        const total = s.reduce((a, b) => a + b, 0);
        fc.pre(total > 0 && n <= total);
        allocateStrata(s, n, false).forEach((k, i) => {
          const quota = (n * s[i]!) / total;
          expect(k).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(k).toBeLessThanOrEqual(Math.ceil(quota));
        });
      }),
    );
  });

  it('proportional: the leftover goes to the largest remainders', () => {
    // 10 of 3 + 3 + 4: quotas 3, 3, 4 exactly; 7 of them: 2.1, 2.1, 2.8 → 2, 2, 3.
    expect(allocateStrata([3, 3, 4], 7, false)).toEqual([2, 2, 3]);
    // 5 of 100, 50, 50: 2.5, 1.25, 1.25 → 2 + 1 + 1, the leftover to the .5.
    expect(allocateStrata([100, 50, 50], 5, false)).toEqual([3, 1, 1]);
  });

  it('equal: strata that are not exhausted differ by at most one; small strata give all they have', () => {
    fc.assert(
      fc.property(sizes, fc.nat({ max: 400 }), (s, n) => {
        const out = allocateStrata(s, n, true);
        const open = out.filter((k, i) => k < s[i]!);
        if (open.length > 0) {
          expect(Math.max(...open) - Math.min(...open)).toBeLessThanOrEqual(1);
          // No stratum has more than one above a stratum that still had articles to give
          // (4 of [1, 2, 2] is [1, 2, 1]: the leftover one fills a stratum).
          out.forEach((k) => expect(k).toBeLessThanOrEqual(Math.min(...open) + 1));
        }
      }),
    );
    expect(allocateStrata([2, 50, 50], 30, true)).toEqual([2, 14, 14]);
  });
});

const candidates = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 0, maxLength: 60 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(fc.constantFrom('新华社', 'cnBeta', null, '金色财经'), {
        minLength: names.length,
        maxLength: names.length,
      }),
    ),
  )
  .map(([names, strata]): SampleCandidate[] =>
    names.map((n, i) => ({ id: `id-${n}`, path: `${n}.md`, stratum: strata[i] ?? null })),
  );

describe('drawSeededSample', () => {
  it('gives the same articles for the same seed whatever order the articles are listed in', () => {
    fc.assert(
      fc.property(
        candidates,
        fc.nat({ max: 80 }),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        fc.infiniteStream(fc.nat()),
        (list, size, seed, stratified, equal, shuffle) => {
          const opts = { size, seed, stratified, equal };
          const shuffled = [...list].sort(() => (shuffle.next().value % 3) - 1);
          const a = drawSeededSample(list, opts);
          const b = drawSeededSample(shuffled.reverse(), opts);
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('chooses the allocated number from each stratum, each article once, listed in path order', () => {
    fc.assert(
      fc.property(candidates, fc.nat({ max: 80 }), fc.nat(), fc.boolean(), (list, size, seed, equal) => {
        const sample = drawSeededSample(list, { size, seed, stratified: true, equal });
        expect(new Set(sample.articleIds).size).toBe(sample.articleIds.length);
        expect(sample.articleIds.length).toBe(Math.min(size, list.length));
        const byId = new Map(list.map((c) => [c.id, c]));
        for (const s of sample.strata) {
          const inStratum = list.filter((c) => c.stratum === s.key);
          expect(s.available).toBe(inStratum.length);
          expect(sample.articleIds.filter((id) => byId.get(id)!.stratum === s.key)).toHaveLength(s.chosen);
        }
        expect(sample.strata.map((s) => s.chosen)).toEqual(
          allocateStrata(
            sample.strata.map((s) => s.available),
            size,
            equal,
          ),
        );
        const paths = sample.articleIds.map((id) => byId.get(id)!.path);
        expect(paths).toEqual([...paths].sort());
      }),
    );
  });

  it('draws different samples for different seeds, and every article can be drawn', () => {
    const list = Array.from({ length: 100 }, (_, i) => ({
      id: `a${i}`,
      path: `p${String(i).padStart(3, '0')}`,
      stratum: null,
    }));
    const draws = Array.from({ length: 200 }, (_, seed) =>
      drawSeededSample(list, { size: 10, seed, stratified: false, equal: false }).articleIds.join(),
    );
    expect(new Set(draws).size).toBeGreaterThan(190);
    const seen = new Set(draws.flatMap((d) => d.split(',')));
    expect(seen.size).toBe(100);
  });

  it('turns a percentage into a size of at least one article', () => {
    expect(sizeOfPercent(10, 10_000)).toBe(1000);
    expect(sizeOfPercent(5, 30)).toBe(2);
    expect(sizeOfPercent(0.1, 30)).toBe(1);
    expect(sizeOfPercent(50, 0)).toBe(0);
  });
});

describe('article facets', () => {
  const article = (
    date: string | null,
    extra: Partial<{ author: string | null; categories: string[]; folder: string }> = {},
  ) => ({
    date,
    author: extra.author ?? null,
    categories: extra.categories ?? [],
    folder: extra.folder ?? '',
  });

  it('names ISO weeks as the calendar does, across year ends', () => {
    expect(isoWeekOf('2024-03-05')).toBe('2024-W10');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
  });

  it('puts an article in its day, week, month, year, source, categories or folder; undated ones in null', () => {
    const a = article('2024-03-05T10:00:00.000Z', {
      author: ' 新华社 ',
      categories: ['经济', '政策', '经济'],
      folder: '新闻/2024',
    });
    expect(periodsOf(a, 'day')).toEqual(['2024-03-05']);
    expect(periodsOf(a, 'week')).toEqual(['2024-W10']);
    expect(periodsOf(a, 'month')).toEqual(['2024-03']);
    expect(periodsOf(a, 'year')).toEqual(['2024']);
    expect(periodsOf(a, 'source')).toEqual(['新华社']);
    expect(periodsOf(a, 'category')).toEqual(['经济', '政策']);
    expect(periodsOf(a, 'folder')).toEqual(['新闻/2024']);
    expect(periodsOf(article(null), 'month')).toEqual([null]);
    expect(periodsOf(article(null), 'category')).toEqual([null]);
    expect(dayOf('Invalid Date')).toBeNull();
    expect(stratumOf(a, 'category')).toBe('经济');
    expect(stratumOf(a, 'month')).toBe('2024-03');
    expect(stratumOf(article(null), 'source')).toBeNull();
  });
});
