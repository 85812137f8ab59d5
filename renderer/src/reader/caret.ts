/**
 * Points on screen → places in the article body: the caret under a point, whether a range is under
 * it, and the text offset of the first line in view (for the reading position and a keyboard
 * selection that starts there).
 */
import { offsetOfPoint, type TextMap } from './text-map.js';

export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a viewport point (Firefox and Chromium spell this differently). */
export function caretAt(x: number, y: number): CaretPoint | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Whether the point lies on one of the range's line boxes (a pixel of slack around each). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** The canonical offset of the first line visible in `container` (0 above the body's start). */
export function offsetAtTop(container: HTMLElement, body: HTMLElement, map: TextMap): number {
  const box = container.getBoundingClientRect();
  const bodyBox = body.getBoundingClientRect();
  if (bodyBox.top >= box.top) return 0;
  const point = caretAt(bodyBox.left + 4, box.top + 16);
  return point && body.contains(point.node)
    ? Math.max(0, offsetOfPoint(map, point.node, point.offset, 'start'))
    : 0;
}
