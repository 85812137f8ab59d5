/**
 * Saved full web pages (.html with <html>/<head>): Readability finds the article body, then the
 * body goes through the normal cleaner. Costs a fresh jsdom document per page (~tens of ms), so it
 * only runs when an article is opened, never during the scan.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

export interface ExtractedPage {
  /** Article body HTML (or the whole <body> when Readability finds nothing). */
  html: string;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
}

export function extractPage(html: string, url?: string | null): ExtractedPage {
  // The page URL lets Readability resolve relative links; ignore it unless it is a real http(s) URL.
  const baseUrl = url && /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url) ? url : undefined;
  // A silent console: a hostile page's broken CSS or markup must not fill the host's stderr.
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, baseUrl ? { url: baseUrl, virtualConsole } : { virtualConsole });
  try {
    const document = dom.window.document;
    const fallbackBody = document.body?.innerHTML ?? '';
    const article = new Readability(document, { keepClasses: true }).parse();
    return {
      html: article?.content ?? fallbackBody,
      title: article?.title ?? null,
      byline: article?.byline ?? null,
      publishedTime: article?.publishedTime ?? null,
    };
  } finally {
    dom.window.close();
  }
}
