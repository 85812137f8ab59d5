/**
 * Maps front-matter data (any shape YAML allows) onto ArticleMeta: the known keys Hexo-like
 * generators use for title, date, author, categories, tags, url and image; every other key is
 * kept in `extra`. Tolerates wrong types (a number title, a nested category list) without throwing.
 */
import type { ArticleMeta } from '../model.js';
import { setOwn } from '../own-keys.js';
import { decodeEntities } from './decode-entities.js';
import { parseDate } from './parse-date.js';

const URL_KEYS = ['url', 'link', 'Link', 'permalink', 'source_url'];
const IMAGE_KEYS = ['image', 'headimg', 'thumbnail'];
const KNOWN_KEYS = new Set([
  'id',
  'title',
  'date',
  'author',
  'categories',
  'category',
  'tags',
  'tag',
  ...URL_KEYS,
  ...IMAGE_KEYS,
]);

/** A single-line human string from any scalar, with entities decoded and whitespace collapsed. */
export function cleanString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
  const s = decodeEntities(String(value)).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

function stringList(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 3) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else {
      const s = cleanString(v);
      if (s && !out.includes(s)) out.push(s);
    }
  };
  visit(value, 0);
  return out;
}

function firstString(data: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) {
    const s = cleanString(data[k]);
    if (s) return s;
  }
  return null;
}

function author(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return cleanString((value as { name?: unknown }).name);
  if (Array.isArray(value)) return stringList(value).join(', ') || null;
  return cleanString(value);
}

export interface MappedMeta {
  meta: ArticleMeta;
  /** The front-matter `id`, when there is a usable one. */
  id: string | null;
  /** True when a date was written but could not be understood. */
  badDate: boolean;
}

/** `fallbackTitle` is used when there is no title (normally the file name without extension). */
export function mapFrontMatter(data: Record<string, unknown>, fallbackTitle: string): MappedMeta {
  const rawDate = data.date instanceof Date ? data.date.toISOString() : cleanString(data.date);
  const date = rawDate ? parseDate(rawDate) : null;
  // A front-matter key may be `__proto__`: set as an own key, never as the prototype.
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!KNOWN_KEYS.has(k)) setOwn(extra, k, v);
  return {
    meta: {
      title: cleanString(data.title) ?? fallbackTitle,
      date,
      dateRaw: rawDate,
      author: author(data.author),
      categories: stringList(data.categories ?? data.category),
      tags: stringList(data.tags ?? data.tag),
      url: firstString(data, URL_KEYS),
      image: firstString(data, IMAGE_KEYS),
      editor: null,
      extra,
    },
    id: cleanString(data.id),
    badDate: rawDate !== null && date === null,
  };
}
