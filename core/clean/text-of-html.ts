/**
 * The canonical plain text of a cleaned article, computed from a DOM tree. Core (jsdom) and the
 * renderer (the real DOM) both call this, so annotation offsets mean the same thing on both sides.
 * Pure: no Node imports and no DOM globals (node types are compared by number), so it runs anywhere.
 *
 * Rules (keep in sync with nothing else: this file *is* the rule):
 * - Block elements (p, div, h1-h6, li, blockquote, pre, figure, figcaption, table cells…) each give
 *   one block; blocks are joined by "\n\n"; empty blocks are dropped.
 * - Inside a block, runs of ASCII whitespace collapse to one space (as a browser renders them).
 * - At the start and end of a block, whitespace, the full-width space U+3000 and no-break space are
 *   trimmed. So the Chinese paragraph indent "\u3000\u3000" is NOT part of the text (CSS indents instead):
 *   the same file always gives the same text whether or not the cleaner already stripped it.
 * - <br> gives "\n" (at most two in a row), never at the start or end of a block.
 * - Inside <pre>, whitespace is kept as written (only trimmed at the block's ends).
 * - script/style/template/noscript and elements with `hidden` give no text; images give no text
 *   (their alt text lives in attributes, so swapping a placeholder for the image shifts nothing).
 * Offsets are UTF-16 code units.
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;
const DOCUMENT_NODE = 9;

export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'body',
  'html',
]);

const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'head']);

/** A run of `length` characters of `text` copied one-to-one from `node` starting at `nodeOffset`. */
export interface TextPiece {
  node: Text;
  nodeOffset: number;
  textOffset: number;
  length: number;
}

export interface TextMap {
  text: string;
  /** Sorted by textOffset; characters not covered ("\n" separators) have no DOM position. */
  pieces: TextPiece[];
}

/** Minimal structural view of DOM nodes, so jsdom and browser nodes both fit. */
type AnyNode = Node;

const isSoftSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
const isEdgeSpace = (c: number): boolean => isSoftSpace(c) || c === 0x3000 || c === 0x00a0;

class TextBuilder {
  readonly parts: string[] = [];
  readonly pieces: TextPiece[] = [];
  length = 0;
  /** Characters of the current block emitted so far. */
  private blockLen = 0;
  /** Whitespace seen but not yet emitted (emitted only when more content follows in the block). */
  private pending: { ch: string; node: Text; offset: number }[] = [];
  private pendingBreaks = 0;
  private blocksEmitted = 0;

  startBlock(): void {
    this.pending = [];
    this.pendingBreaks = 0;
    if (this.blockLen > 0) this.blocksEmitted++;
    this.blockLen = 0;
  }

  lineBreak(): void {
    this.pending = [];
    if (this.blockLen > 0) this.pendingBreaks = Math.min(2, this.pendingBreaks + 1);
  }

  /** Add whitespace that may be collapsed (pre = false) or kept verbatim (pre = true). */
  space(ch: string, node: Text, offset: number, pre: boolean): void {
    if (this.blockLen === 0 && this.pendingBreaks === 0) return; // leading: trimmed
    if (this.pendingBreaks > 0 && !pre && isSoftSpace(ch.charCodeAt(0))) return; // after <br>
    if (!pre && isSoftSpace(ch.charCodeAt(0))) {
      const last = this.pending[this.pending.length - 1];
      if (last && last.ch === ' ') return; // collapse the run
      this.pending.push({ ch: ' ', node, offset });
    } else {
      this.pending.push({ ch, node, offset });
    }
  }

  content(chars: string, node: Text, offset: number): void {
    if (this.blockLen === 0 && this.blocksEmitted > 0) this.emitRaw('\n\n');
    if (this.pendingBreaks > 0) {
      this.emitRaw('\n'.repeat(this.pendingBreaks));
      this.pendingBreaks = 0;
      this.pending = [];
    }
    for (const p of this.pending) this.emit(p.ch, p.node, p.offset);
    this.pending = [];
    this.emit(chars, node, offset);
  }

  private emitRaw(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  private emit(s: string, node: Text, nodeOffset: number): void {
    const last = this.pieces[this.pieces.length - 1];
    if (
      last &&
      last.node === node &&
      last.nodeOffset + last.length === nodeOffset &&
      last.textOffset + last.length === this.length
    ) {
      last.length += s.length;
    } else {
      this.pieces.push({ node, nodeOffset, textOffset: this.length, length: s.length });
    }
    this.parts.push(s);
    this.length += s.length;
    this.blockLen += s.length;
  }
}

function walk(root: AnyNode, b: TextBuilder, rootPre: boolean): void {
  // An explicit stack, not recursion: hostile bodies nest elements thousands deep.
  type Frame = { next: AnyNode['firstChild']; pre: boolean; block: boolean };
  const stack: Frame[] = [{ next: root.firstChild, pre: rootPre, block: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.next;
    if (!child) {
      stack.pop();
      if (frame.block) b.startBlock();
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === TEXT_NODE) {
      addText(child as Text, b, frame.pre);
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      const tag = el.localName;
      if (SKIPPED_ELEMENTS.has(tag) || el.hasAttribute('hidden')) continue;
      if (tag === 'br') {
        b.lineBreak();
        continue;
      }
      const block = BLOCK_ELEMENTS.has(tag);
      if (block) b.startBlock();
      stack.push({ next: el.firstChild, pre: frame.pre || tag === 'pre' || tag === 'textarea', block });
    }
  }
}

function addText(node: Text, b: TextBuilder, pre: boolean): void {
  const data = node.data;
  let runStart = -1;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (isEdgeSpace(c)) {
      if (runStart >= 0) {
        b.content(data.slice(runStart, i), node, runStart);
        runStart = -1;
      }
      b.space(data[i] as string, node, i, pre);
    } else if (runStart < 0) {
      runStart = i;
    }
  }
  if (runStart >= 0) b.content(data.slice(runStart), node, runStart);
}

/** The canonical text of `root` plus where each character came from. */
export function mapTextOfDom(root: AnyNode): TextMap {
  const b = new TextBuilder();
  const rootIsContainer =
    root.nodeType === DOCUMENT_FRAGMENT_NODE ||
    root.nodeType === DOCUMENT_NODE ||
    root.nodeType === ELEMENT_NODE;
  if (rootIsContainer) walk(root, b, root.nodeType === ELEMENT_NODE && (root as Element).localName === 'pre');
  else if (root.nodeType === TEXT_NODE) addText(root as Text, b, false);
  return { text: b.parts.join(''), pieces: b.pieces };
}

/** The canonical text of a DOM tree (see the rules at the top of this file). */
export function textOfDom(root: AnyNode): string {
  return mapTextOfDom(root).text;
}

/**
 * The text offset of a DOM point (a text node and an offset in it). Points inside collapsed or
 * trimmed whitespace snap to the next character that is in the text. Returns -1 for unknown nodes.
 */
export function textOffsetOfDomPoint(map: TextMap, node: Node, offset: number): number {
  let best = -1;
  for (const p of map.pieces) {
    if (p.node !== node) continue;
    if (offset < p.nodeOffset) return best >= 0 && best > p.textOffset ? best : p.textOffset;
    if (offset <= p.nodeOffset + p.length) return p.textOffset + (offset - p.nodeOffset);
    best = p.textOffset + p.length;
  }
  return best;
}

/** The DOM point for a text offset; offsets between pieces (block separators) snap forward. */
export function domPointOfTextOffset(map: TextMap, offset: number): { node: Text; offset: number } | null {
  const pieces = map.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid] as TextPiece;
    if (offset < p.textOffset) hi = mid - 1;
    else if (offset > p.textOffset + p.length) lo = mid + 1;
    else return { node: p.node, offset: p.nodeOffset + (offset - p.textOffset) };
  }
  const next = pieces[lo];
  if (next) return { node: next.node, offset: next.nodeOffset };
  const last = pieces[pieces.length - 1];
  return last ? { node: last.node, offset: last.nodeOffset + last.length } : null;
}
