/**
 * Paints the article's highlights on the body (CSS Custom Highlight API, no DOM changes): every
 * placed highlight in its colour, the active one, and the selection kept for the popover. All are
 * cleared when the reader goes away.
 */
import { useEffect, useLayoutEffect } from 'react';
import type { AnchoredAnnotation, Tag } from '../../../core/model.js';
import { colorOfAnnotation } from '../coding/annotation-colors.js';
import {
  ACTIVE_HIGHLIGHT,
  PENDING_HIGHLIGHT,
  clearAllHighlights,
  paintHighlights,
  paintSpecial,
} from './highlight-painter.js';
import { rangeOfOffsets, type OffsetRange, type TextMap } from './text-map.js';

export function useHighlightPaint(
  map: TextMap | null,
  annotations: AnchoredAnnotation[],
  tagsById: ReadonlyMap<string, Tag>,
  activeId: string | null,
  pending: OffsetRange | null,
): void {
  useEffect(() => clearAllHighlights, []);

  // Paint every placed highlight in its colour, before the browser renders the commit that brought
  // them (a layout effect): the highlights come in the same frame as the text and the list, not
  // one frame and one restyle later.
  useLayoutEffect(() => {
    if (!map) {
      clearAllHighlights();
      return;
    }
    const items = [];
    for (const a of annotations) {
      if (!a.range) continue;
      const range = rangeOfOffsets(map, a.range.start, a.range.end);
      if (range) items.push({ range, color: colorOfAnnotation(a, tagsById) });
    }
    paintHighlights(items);
  }, [map, annotations, tagsById]);

  useEffect(() => {
    const a = annotations.find((x) => x.id === activeId);
    const range = map && a?.range ? rangeOfOffsets(map, a.range.start, a.range.end) : null;
    paintSpecial(ACTIVE_HIGHLIGHT, range ? [range] : [], 2);
  }, [map, annotations, activeId]);

  useEffect(() => {
    const range = map && pending ? rangeOfOffsets(map, pending.start, pending.end) : null;
    paintSpecial(PENDING_HIGHLIGHT, range ? [range] : [], 3);
  }, [map, pending]);
}
