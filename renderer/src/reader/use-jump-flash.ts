/**
 * Jumps in the reader: scroll to a passage (a highlight, a search hit) and flash it for a moment.
 * A search hit stays marked (exactly its characters) until the next jump.
 */
import { useCallback, useRef } from 'react';
import type { MutableRefObject, RefObject } from 'react';
import { FLASH_HIGHLIGHT, paintSpecial, SEARCH_HIT_HIGHLIGHT } from './highlight-painter.js';
import { scrollToRange } from './scroll-to-range.js';
import { rangeOfOffsets, type OffsetRange, type TextMap } from './text-map.js';

/** `stopScrollingRef`: shared with the reading position (see use-reading-position.ts). */
export function useJumpFlash(
  scrollerRef: RefObject<HTMLElement | null>,
  map: TextMap | null,
  stopScrollingRef: MutableRefObject<() => void>,
): (target: OffsetRange, searchHit?: boolean) => void {
  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  return useCallback(
    (target: OffsetRange, searchHit = false) => {
      const container = scrollerRef.current;
      if (!map || !container) return;
      const range = rangeOfOffsets(map, target.start, target.end);
      if (!range) return;
      stopScrollingRef.current();
      stopScrollingRef.current = scrollToRange(
        container,
        () => rangeOfOffsets(map, target.start, target.end),
        (box) => box.height / 3,
      );
      paintSpecial(SEARCH_HIT_HIGHLIGHT, searchHit ? [range] : [], 3);
      paintSpecial(FLASH_HIGHLIGHT, [range], 4);
      clearTimeout(flashTimer.current);
      flashTimer.current = setTimeout(() => paintSpecial(FLASH_HIGHLIGHT, []), 1600);
    },
    [scrollerRef, map, stopScrollingRef],
  );
}
