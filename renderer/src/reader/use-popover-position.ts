/**
 * Where the popover goes: below the passage it is about, inside the scrolling reader (measured in
 * a layout effect, so it never shows at a stale place). Measured again whenever the popover,
 * the text or the text size changes.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { rangeOfOffsets, type OffsetRange, type TextMap } from './text-map.js';

export interface PopoverPosition {
  top: number;
  left: number;
}

export function usePopoverPosition(
  scrollerRef: RefObject<HTMLElement | null>,
  popover: { anchor: OffsetRange } | null,
  map: TextMap | null,
  fontSize: number,
): PopoverPosition | null {
  const [popoverPos, setPopoverPos] = useState<PopoverPosition | null>(null);
  useLayoutEffect(() => {
    const container = scrollerRef.current;
    const range =
      popover && map && container ? rangeOfOffsets(map, popover.anchor.start, popover.anchor.end) : null;
    const rects = range ? [...range.getClientRects()] : [];
    const last = rects[rects.length - 1];
    let pos: PopoverPosition | null = null;
    if (container && last) {
      const box = container.getBoundingClientRect();
      const width = Math.min(360, box.width - 24);
      const left = Math.min(Math.max(8, last.left - box.left - 40), box.width - width - 16);
      pos = { top: last.bottom - box.top + container.scrollTop + 8, left };
    }
    setPopoverPos(pos);
  }, [scrollerRef, popover, map, fontSize]);
  return popoverPos;
}
