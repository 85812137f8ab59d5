/**
 * The article's cleaned body in the reader: the sanitized nodes moved into `body` (React never
 * renders inside it) and the text map of what is on screen, with a loud warning if that text
 * differs from core's.
 *
 * Call it before the other reader hooks: its layout effects run first, and theirs read the body
 * and the map.
 */
import { useLayoutEffect, useMemo, useState } from 'react';
import type { RefObject } from 'react';
import type { Article } from '../../../core/model.js';
import { putArticleBody, sanitizeArticleNodes } from '../sanitize-article.js';
import { buildTextMap, type TextMap } from './text-map.js';

const NO_NODES: Node[] = [];

export function useArticleBody(
  bodyRef: RefObject<HTMLDivElement | null>,
  article: Article | null,
): { nodes: Node[]; map: TextMap | null } {
  const nodes = useMemo(() => (article ? sanitizeArticleNodes(article.doc.html) : NO_NODES), [article]);
  // The text map of the body on screen, tagged with its article so a stale one is never used (the
  // same article loaded again after its file changed is another text).
  const [mapped, setMapped] = useState<{ article: Article; map: TextMap } | null>(null);
  const map = mapped && article && mapped.article === article ? mapped.map : null;

  // The body's content is the sanitized nodes, moved in. First of the layout effects: the ones
  // below (and in the other reader hooks) read it.
  useLayoutEffect(() => {
    if (bodyRef.current) putArticleBody(bodyRef.current, nodes);
  }, [bodyRef, nodes]);

  // The canonical text of what is on screen, and a loud warning if it differs from core's.
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el || !article) {
      setMapped(null);
      return;
    }
    const next = buildTextMap(el);
    if (next.text !== article.doc.text) {
      el.dataset.textMismatch = 'true';
      console.warn('Gloss: the rendered text differs from the article text; highlights may be misplaced.');
    } else {
      delete el.dataset.textMismatch;
    }
    setMapped({ article, map: next });
  }, [bodyRef, nodes, article]);

  return { nodes, map };
}
