/**
 * The periods a timeline's axis shows: every day, week, month or year from the first to the last
 * with data, so a month without articles is a gap on the axis, not left out (bars evenly spaced
 * over uneven time would mislead). Periods that are not dates (sources, categories, folders), or
 * more than `MAX_PERIODS` of them, are shown as they are. Pure.
 */
import { isoWeekOf } from '../analysis/article-facets.js';

export const MAX_PERIODS = 2000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^\d{4}$/;
const DAY_MS = 86_400_000;

const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The Monday of ISO week `w` of `year` (week 1 holds January 4th). */
function mondayOf(year: number, w: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS + (w - 1) * 7 * DAY_MS;
}

/** `sorted` (ascending, distinct) with the periods between them filled in, when they are dates. */
export function fillPeriods(sorted: readonly string[]): string[] {
  if (sorted.length < 2) return [...sorted];
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const out: string[] = [];
  const push = (p: string): boolean => out.push(p) <= MAX_PERIODS;
  if (sorted.every((p) => DAY.test(p))) {
    const end = Date.parse(`${last}T00:00:00Z`);
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += DAY_MS)
      if (!push(isoDay(t))) return [...sorted];
  } else if (sorted.every((p) => WEEK.test(p))) {
    const [, y, w] = WEEK.exec(first)!;
    for (let t = mondayOf(Number(y), Number(w)); ; t += 7 * DAY_MS) {
      const week = isoWeekOf(isoDay(t));
      if (!push(week)) return [...sorted];
      if (week >= last) break;
    }
  } else if (sorted.every((p) => MONTH.test(p))) {
    const [, y0, m0] = MONTH.exec(first)!;
    for (let i = Number(y0) * 12 + Number(m0) - 1; ; i++) {
      const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      if (!push(month)) return [...sorted];
      if (month >= last) break;
    }
  } else if (sorted.every((p) => YEAR.test(p))) {
    for (let y = Number(first); y <= Number(last); y++) if (!push(String(y))) return [...sorted];
  } else return [...sorted];
  return out;
}
