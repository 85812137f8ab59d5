/**
 * Saved full web pages (.html with <html>/<head>): Readability finds the article body, then the
 * body goes through the normal cleaner. Costs a fresh jsdom document per page (~tens of ms), so it
 * only runs when an article is opened, never during the scan.
 */
import { Readability } from '@mozilla/readability';
import { loadJsdom } from './load-jsdom.js';
import { limitElements } from './limit-elements.js';
import { limitNesting } from './limit-nesting.js';

/**
 * Pages with more elements than this skip Readability, whose passes over the tree take seconds
 * there (~1.5 s at this size on a 2-core laptop), and clean their whole <body> instead.
 */
export const MAX_READABILITY_ELEMENTS = 10_000;

export interface ExtractedPage {
  /** Article body HTML (or the whole <body> when Readability finds nothing). */
  html: string;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  /** True when the page had more elements than the cleaner takes (see limit-elements.ts). */
  simplified: boolean;
}

export function extractPage(html: string, url?: string | null): ExtractedPage {
  // The page URL lets Readability resolve relative links; ignore it unless it is a real http(s) URL.
  const baseUrl = url && /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url) ? url : undefined;
  // A silent console: a hostile page's broken CSS or markup must not fill the host's stderr.
  const { JSDOM, VirtualConsole } = loadJsdom();
  const virtualConsole = new VirtualConsole();
  // The same guards as for bodies (clean-article.ts), before jsdom builds the page.
  const limited = limitElements(limitNesting(html));
  const dom = new JSDOM(limited.html, baseUrl ? { url: baseUrl, virtualConsole } : { virtualConsole });
  try {
    const document = dom.window.document;
    const fallbackBody = document.body?.innerHTML ?? '';
    let article: ReturnType<Readability['parse']> = null;
    try {
      // Readability throws when the page has more elements than maxElemsToParse.
      article = new Readability(document, {
        keepClasses: true,
        maxElemsToParse: MAX_READABILITY_ELEMENTS,
      }).parse();
    } catch {
      article = null;
    }
    return {
      html: article?.content ?? fallbackBody,
      title: article?.title ?? null,
      byline: article?.byline ?? null,
      publishedTime: article?.publishedTime ?? null,
      simplified: limited.cut,
    };
  } finally {
    dom.window.close();
  }
}
