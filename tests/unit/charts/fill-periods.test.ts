// The timeline's axis: every period between the first and the last, so a gap in time shows as one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekOf } from '../../../core/analysis/article-facets.js';
import { fillPeriods, MAX_PERIODS } from '../../../core/charts/fill-periods.js';

const DAY_MS = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const START = Date.UTC(2018, 0, 1);

/** Distinct sorted periods of one kind, drawn from days within ~3 years. */
const periods = (of: (d: string) => string) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 1100 }), { minLength: 1, maxLength: 12 })
    .map((ds) => [...new Set(ds.map((d) => of(day(START + d * DAY_MS))))].sort());

const kinds: [string, (d: string) => string, (a: string) => string][] = [
  ['days', (d) => d, (a) => day(Date.parse(`${a}T00:00:00Z`) + DAY_MS)],
  ['weeks', isoWeekOf, (a) => a], // checked through the days below
  ['months', (d) => d.slice(0, 7), (a) => day(Date.parse(`${a}-01T00:00:00Z`) + 32 * DAY_MS).slice(0, 7)],
  ['years', (d) => d.slice(0, 4), (a) => String(Number(a) + 1)],
];

describe('fillPeriods', () => {
  for (const [name, of, next] of kinds) {
    it(`fills every ${name.slice(0, -1)} between the first and the last, keeping each one given`, () => {
      fc.assert(
        fc.property(periods(of), (given) => {
          const filled = fillPeriods(given);
          expect(filled[0]).toBe(given[0]);
          expect(filled[filled.length - 1]).toBe(given[given.length - 1]);
          for (const p of given) expect(filled).toContain(p);
          for (let i = 1; i < filled.length; i++) {
            expect(filled[i]! > filled[i - 1]!).toBe(true);
            if (name !== 'weeks') expect(filled[i]).toBe(next(filled[i - 1]!));
          }
          if (name === 'weeks') {
            // Every day from the first week to the last falls in one of the weeks listed.
            const first = Date.UTC(2017, 11, 25);
            for (let t = first; t < first + 1200 * DAY_MS; t += DAY_MS) {
              const w = isoWeekOf(day(t));
              if (w >= given[0]! && w <= given[given.length - 1]!) expect(filled).toContain(w);
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('leaves periods that are not dates, and mixed ones, as they are', () => {
    expect(fillPeriods(['Reuters', '新华社'])).toEqual(['Reuters', '新华社']);
    expect(fillPeriods(['2024', '2024-03'])).toEqual(['2024', '2024-03']);
  });

  it('shows the months without data as gaps: 2021-08 to 2021-10 has September', () => {
    expect(fillPeriods(['2021-08', '2021-10'])).toEqual(['2021-08', '2021-09', '2021-10']);
    expect(fillPeriods(['2020-12', '2021-01'])).toEqual(['2020-12', '2021-01']);
    expect(fillPeriods(['2020-W52', '2021-W02'])).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
  });

  it('does not fill a span too long to draw', () => {
    expect(fillPeriods(['1990-01-01', '2024-01-01'])).toEqual(['1990-01-01', '2024-01-01']);
    expect(MAX_PERIODS).toBeGreaterThan(366);
  });
});
