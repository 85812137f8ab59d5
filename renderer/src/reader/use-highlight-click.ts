/**
 * A plain click in the article body activates the highlight under the pointer: smallest first, and
 * clicking the same spot again moves to the next of the overlapping ones.
 */
import { useRef } from 'react';
import type { RefObject } from 'react';
import type { AnchoredAnnotation } from '../../../core/model.js';
import { caretAt, rangeContainsPoint } from './caret.js';
import { offsetOfPoint, rangeOfOffsets, type TextMap } from './text-map.js';

/** The highlights whose painted text is under the point, smallest first. */
function highlightsAt(
  map: TextMap,
  annotations: AnchoredAnnotation[],
  offset: number,
  x: number,
  y: number,
): AnchoredAnnotation[] {
  return annotations
    .filter((a) => a.range && a.range.start <= offset && offset <= a.range.end)
    .filter((a) => {
      const range = rangeOfOffsets(map, a.range!.start, a.range!.end);
      return range ? rangeContainsPoint(range, x, y) : false;
    })
    .sort((a, b) => a.range!.end - a.range!.start - (b.range!.end - b.range!.start));
}

/** Returns what a plain click at a viewport point does. */
export function useHighlightClick(
  bodyRef: RefObject<HTMLDivElement | null>,
  map: TextMap | null,
  annotations: AnchoredAnnotation[],
  onActivate: (id: string | null) => void,
): (x: number, y: number) => void {
  const lastClick = useRef<{ key: string; index: number } | null>(null);
  return (x, y) => {
    const el = bodyRef.current;
    const point = caretAt(x, y);
    if (!el || !map || !point || !el.contains(point.node)) {
      onActivate(null);
      return;
    }
    const hits = highlightsAt(map, annotations, offsetOfPoint(map, point.node, point.offset, 'start'), x, y);
    if (hits.length === 0) {
      lastClick.current = null;
      onActivate(null);
      return;
    }
    const key = hits.map((h) => h.id).join(',');
    const index = lastClick.current?.key === key ? (lastClick.current.index + 1) % hits.length : 0;
    lastClick.current = { key, index };
    onActivate(hits[index]!.id);
  };
}
