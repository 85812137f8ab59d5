/**
 * What an article is grouped by in samples and timelines: its source (the outlet), categories,
 * folder, and the day, ISO week, month or year of its front-matter date. Pure.
 *
 * Source: scraped news feeds put the outlet in `author` (金色财经, 新浪财经, cnBeta), and the library
 * list already shows that column as "Source"; so the source is the author.
 */
import type { ArticleSummary } from '../model.js';
import type { StratifyBy, TimelineBy } from './report-types.js';

type Facets = Pick<ArticleSummary, 'author' | 'categories' | 'folder' | 'date'>;

export function sourceOf(a: Pick<ArticleSummary, 'author'>): string | null {
  const s = a.author?.trim();
  return s ? s : null;
}

/** `YYYY-MM-DD` of an ISO date, or null when there is none (or it is not one). */
export function dayOf(date: string | null): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  return date.slice(0, 10);
}

/** The ISO 8601 week of a day, as `2024-W10` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const weekday = (t.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The Thursday of this week decides the week's year.
  t.setUTCDate(t.getUTCDate() - weekday + 3);
  const year = t.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((t.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The periods (or groups) an article counts in for the timeline: one, or one per category (an
 * article in two categories counts in both); `[null]` when it has no date (source, category).
 */
export function periodsOf(a: Facets, by: TimelineBy): (string | null)[] {
  switch (by) {
    case 'source':
      return [sourceOf(a)];
    case 'category': {
      const cats = [...new Set(a.categories.map((c) => c.trim()).filter(Boolean))];
      return cats.length ? cats : [null];
    }
    case 'folder':
      return [a.folder];
  }
  const day = dayOf(a.date);
  if (!day) return [null];
  switch (by) {
    case 'day':
      return [day];
    case 'week':
      return [isoWeekOf(day)];
    case 'month':
      return [day.slice(0, 7)];
    case 'year':
      return [day.slice(0, 4)];
  }
}

/**
 * The one stratum an article is drawn from. An article is in exactly one: by category, its first
 * category (the feed's main section); by month, `YYYY-MM` of its date.
 */
export function stratumOf(a: Facets, by: StratifyBy): string | null {
  switch (by) {
    case 'source':
      return sourceOf(a);
    case 'category':
      return a.categories.map((c) => c.trim()).find(Boolean) ?? null;
    case 'folder':
      return a.folder;
    case 'month':
      return dayOf(a.date)?.slice(0, 7) ?? null;
  }
}
