/**
 * Metadata of a saved full web page read with regular expressions over its <head>: <title>,
 * og:title, article:published_time, author, canonical URL, og:image. Cheap enough for the scan
 * (no DOM); the same function runs when the page is opened, so the list and the reader agree.
 */
import { decodeEntities } from './decode-entities.js';

export interface HtmlPageMeta {
  title: string | null;
  date: string | null;
  author: string | null;
  url: string | null;
  image: string | null;
  siteName: string | null;
}

/** True for a whole page (doctype, <html> or <head>) rather than a body fragment. */
export function isFullHtmlPage(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i.test(text.slice(0, 4096));
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim() : null;
}

export function readHtmlPageMeta(html: string): HtmlPageMeta {
  const headEnd = html.search(/<\/head\s*>|<body[\s>]/i);
  const head = headEnd > 0 ? html.slice(0, headEnd) : html.slice(0, 65536);
  const metas = new Map<string, string>();
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const key = (attr(m[0], 'property') ?? attr(m[0], 'name') ?? attr(m[0], 'itemprop'))?.toLowerCase();
    const content = attr(m[0], 'content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  let canonical: string | null = null;
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    if ((attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
      canonical = attr(m[0], 'href');
  }
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  const pick = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  const title =
    pick('og:title', 'twitter:title') ??
    (titleTag ? decodeEntities(titleTag).replace(/\s+/g, ' ').trim() : null);
  return {
    title: title || null,
    date: pick(
      'article:published_time',
      'og:published_time',
      'datepublished',
      'pubdate',
      'publishdate',
      'date',
    ),
    author: pick('author', 'article:author', 'og:article:author', 'byl'),
    url: canonical ?? pick('og:url'),
    image: pick('og:image', 'twitter:image'),
    siteName: pick('og:site_name'),
  };
}
