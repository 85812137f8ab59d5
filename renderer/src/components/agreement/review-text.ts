/**
 * The disagreement review's text: the article's context around a place cut into runs by whose
 * spans cover them (this version's, the other's, both), so the difference shows; and a text
 * selection inside a run turned back into code-point offsets in the article (for "edit").
 * Offsets are code points, as the host sends them.
 */

export interface Span {
  start: number;
  end: number;
}

export type RunKind = 'plain' | 'both' | 'own' | 'other';

export interface TextRun {
  /** Code-point offset in the article where the run begins. */
  start: number;
  text: string;
  kind: RunKind;
}

const covers = (spans: readonly Span[], at: number): boolean =>
  spans.some((s) => s.start <= at && at < s.end);

/** `context` (beginning at article offset `from`) as runs: covered by `own`, `other`, both or neither. */
export function textRuns(
  context: string,
  from: number,
  own: readonly Span[],
  other: readonly Span[],
): TextRun[] {
  const chars = Array.from(context);
  const runs: TextRun[] = [];
  chars.forEach((ch, i) => {
    const at = from + i;
    const mine = covers(own, at);
    const theirs = covers(other, at);
    const kind: RunKind = mine && theirs ? 'both' : mine ? 'own' : theirs ? 'other' : 'plain';
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else runs.push({ start: at, text: ch, kind });
  });
  return runs;
}

/** Code points in the first `utf16` units of `text`. */
function codePoints(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}

/** The article offset of a point in a run element (`data-start`), or null outside one. */
function offsetAt(node: Node, offset: number): number | null {
  const el = (
    node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  )?.closest<HTMLElement>('[data-start]');
  if (!el) return null;
  const start = Number(el.dataset.start);
  if (node.nodeType !== Node.TEXT_NODE)
    return start + (offset > 0 ? Array.from(el.textContent ?? '').length : 0);
  return start + codePoints((node as Text).data, offset);
}

/** The selection, when it lies in `container`'s runs, as article offsets. */
export function selectedSpan(container: Element | null, selection: Selection | null): Span | null {
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetAt(range.startContainer, range.startOffset);
  const end = offsetAt(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
