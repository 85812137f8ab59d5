/**
 * The remembered reading position: restored once when an article's text is on screen, saved as the
 * user scrolls. When the same article comes back with another text (its file changed on disk), the
 * place read is followed into the new text.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { MutableRefObject, RefObject } from 'react';
import type { Article } from '../../../core/model.js';
import { offsetAtTop } from './caret.js';
import { followReadingPosition, loadReadingPosition, saveReadingPosition } from './reading-position.js';
import { scrollToRange } from './scroll-to-range.js';
import { rangeOfOffsets, type TextMap } from './text-map.js';

/**
 * `stopScrollingRef` stops the re-aligning of the last scroll (see scroll-to-range.ts); shared with
 * the jumps, so one never fights the other. Returns the offset of the first line on screen.
 */
export function useReadingPosition(
  scrollerRef: RefObject<HTMLElement | null>,
  bodyRef: RefObject<HTMLDivElement | null>,
  map: TextMap | null,
  article: Article | null,
  stopScrollingRef: MutableRefObject<() => void>,
): () => number {
  /** The article (and its text) whose reading position was last restored. */
  const restoredFor = useRef<{ id: string; text: string } | null>(null);

  useLayoutEffect(() => {
    const container = scrollerRef.current;
    if (!container || !map || !article) return;
    const before = restoredFor.current;
    if (before?.id === article.id && before.text === article.doc.text) return;
    restoredFor.current = { id: article.id, text: article.doc.text };
    let offset = loadReadingPosition(article.id);
    if (before?.id === article.id) {
      offset = followReadingPosition(before.text, article.doc.text, offset);
      saveReadingPosition(article.id, offset);
    }
    stopScrollingRef.current();
    container.scrollTop = 0;
    if (offset > 0) {
      stopScrollingRef.current = scrollToRange(
        container,
        () => rangeOfOffsets(map, offset, offset),
        () => 12,
      );
    }
  }, [scrollerRef, stopScrollingRef, map, article]);
  useEffect(() => () => stopScrollingRef.current(), [stopScrollingRef]);

  const topOffset = useCallback((): number => {
    const container = scrollerRef.current;
    const el = bodyRef.current;
    return container && el && map ? offsetAtTop(container, el, map) : 0;
  }, [scrollerRef, bodyRef, map]);

  useEffect(() => {
    const container = scrollerRef.current;
    if (!container || !article) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => saveReadingPosition(article.id, topOffset()), 250);
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      container.removeEventListener('scroll', onScroll);
    };
  }, [scrollerRef, article, topOffset]);

  return topOffset;
}
