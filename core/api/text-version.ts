/**
 * The version of an article's canonical text: a hash of `doc.text` itself, so it changes exactly
 * when the text offsets point into changes (an edited file, a new cleaner version), and never for
 * a touched file or an edit of the front matter. The reader sends it back with every highlight it
 * places; the host compares it with the text it has now (see place-selection.ts).
 */
import { createHash } from 'node:crypto';
import type { Article, CleanDocument, OpenedArticle } from '../model.js';

// The library hands out the same document object while the article is cached: hash it once.
const versions = new WeakMap<CleanDocument, string>();

export function textVersion(doc: CleanDocument): string {
  let version = versions.get(doc);
  if (version === undefined) {
    version = createHash('sha256').update(doc.text).digest('hex').slice(0, 20);
    versions.set(doc, version);
  }
  return version;
}

/** The article as the reader gets it: with the version of its text. */
export function openedArticle(article: Article): OpenedArticle {
  return { ...article, textVersion: textVersion(article.doc) };
}
