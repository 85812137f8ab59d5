/**
 * DOM Ranges ↔ offsets into the article's canonical text (`article.doc.text`, UTF-16 units).
 * The text and its node mapping come from core's `mapTextOfDom`, the same rules core used to
 * compute `doc.text`, so an offset means the same character on both sides. This file adds what a
 * live selection needs: boundary points on elements or in collapsed whitespace, and the snapping
 * direction (a start moves forward to the next character, an end back to the previous one).
 */
import { domPointOfTextOffset, mapTextOfDom, type TextMap } from '../../../core/clean/text-of-html.js';
import { snapRangeToCodePoints } from '../../../core/anchor/code-points.js';

export type { TextMap };

export interface OffsetRange {
  start: number;
  end: number;
}

export function buildTextMap(root: Node): TextMap {
  return mapTextOfDom(root);
}

/**
 * The text offset of a boundary point anywhere under the mapped root. Points between mapped
 * characters snap forward for a start and backward for an end; -1 when the map is empty.
 */
export function offsetOfPoint(map: TextMap, node: Node, offset: number, side: 'start' | 'end'): number {
  const pieces = map.pieces;
  if (pieces.length === 0) return -1;
  const probe = node.ownerDocument!.createRange();
  probe.setStart(node, offset);
  // First piece that ends after the point (binary search; pieces are in document order).
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (probe.comparePoint(p.node, p.nodeOffset + p.length) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const piece = pieces[lo];
  const previous = pieces[lo - 1];
  if (!piece) return previous ? previous.textOffset + previous.length : 0;
  if (probe.comparePoint(piece.node, piece.nodeOffset) < 0) {
    // Inside the piece: the point is in the same text node.
    return piece.textOffset + (offset - piece.nodeOffset);
  }
  // Before the piece (in skipped whitespace, on an element, or in a block gap).
  if (side === 'end' && previous) return previous.textOffset + previous.length;
  return piece.textOffset;
}

/** Canonical offsets of a DOM range, or null when it is outside the mapped root or empty. */
export function offsetsOfRange(map: TextMap, root: Node, range: Range): OffsetRange | null {
  if (!root.contains(range.startContainer) && !root.contains(range.endContainer)) return null;
  const start = root.contains(range.startContainer)
    ? offsetOfPoint(map, range.startContainer, range.startOffset, 'start')
    : 0;
  const end = root.contains(range.endContainer)
    ? offsetOfPoint(map, range.endContainer, range.endOffset, 'end')
    : map.text.length;
  if (start < 0 || end <= start) return null;
  // Never cut an emoji or an astral CJK character in half; trim whitespace at the edges.
  let { start: s, end: e } = snapRangeToCodePoints(map.text, { start, end });
  while (s < e && /\s/.test(map.text[s]!)) s++;
  while (e > s && /\s/.test(map.text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** A live DOM range for canonical offsets (clamped to the text). */
export function rangeOfOffsets(map: TextMap, start: number, end: number): Range | null {
  const length = map.text.length;
  const s = Math.max(0, Math.min(start, length));
  const e = Math.max(s, Math.min(end, length));
  const from = domPointOfTextOffset(map, s);
  const to = domPointOfTextOffset(map, e);
  if (!from || !to) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
