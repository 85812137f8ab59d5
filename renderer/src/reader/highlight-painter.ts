/**
 * Paints highlights with the CSS Custom Highlight API: one `Highlight` per colour, registered in
 * `CSS.highlights`, so the article's DOM is never touched (offsets stay valid, overlaps and
 * element boundaries come free). `::highlight()` rules can only come from a style sheet, and the
 * colours are the user's, so the rules live in a constructed style sheet (CSSOM, allowed by the
 * CSP; no inline <style>). Rules are only ever added, one pair per colour, and the palette's come
 * with the sheet: any change to the sheet restyles the whole document (20 ms and a relayout for a
 * long article on screen, far more with a full highlight list beside it), while registering
 * highlights whose rules exist costs a repaint. So the colours the codebook and the library use are
 * prepared (`prepareColors`) when the codebook loads, before an article is on screen.
 */
import { OKABE_ITO } from '../../../core/store/palette.js';
import { isSafeColor } from '../coding/safe-color.js';

const PREFIX = 'gloss-';
export const ACTIVE_HIGHLIGHT = 'gloss-active';
export const PENDING_HIGHLIGHT = 'gloss-pending';
export const FLASH_HIGHLIGHT = 'gloss-flash';
/** The search hit last opened, marked until the next jump. */
export const SEARCH_HIT_HIGHLIGHT = 'gloss-search-hit';

export interface PaintItem {
  range: Range;
  /** #RRGGBB */
  color: string;
}

let sheet: CSSStyleSheet | null = null;
const registered = new Set<string>();
/** Colours (lower-case #rrggbb) that have their rules in the sheet, and the rules. */
const styled = new Set<string>();
const rules: string[] = [];

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

const highlightName = (color: string): string => `${PREFIX}c${color.slice(1)}`;

/**
 * Adds the rules of colours painted for the first time, in one sheet change. The one place a
 * colour enters rule text, so the one place it is checked: only #rrggbb (a hand-edited store
 * file could hold anything).
 */
function styleColors(colors: Iterable<string>): void {
  const before = styled.size;
  const wanted = sheet ? [...colors] : [...OKABE_ITO, ...colors];
  for (const raw of wanted) {
    const color = raw.toLowerCase();
    if (styled.has(color) || !isSafeColor(color)) continue;
    styled.add(color);
    const name = highlightName(color);
    // Translucent, so overlapping highlights visibly deepen; the underline keeps a colour cue
    // where two colours blend. The underline does not skip descenders (skip-ink): in English it
    // broke at nearly every word (p, g, y), and read as gaps between the words of one highlight.
    rules.push(
      `.article-body ::highlight(${name}) { background-color: ${rgba(color, 0.32)}; text-decoration: underline 2px ${rgba(color, 0.9)}; text-underline-offset: 0.2em; text-decoration-skip-ink: none; }`,
      `:root[data-theme='dark'] .article-body ::highlight(${name}) { background-color: ${rgba(color, 0.3)}; }`,
    );
  }
  if (styled.size === before) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(rules.join('\n'));
}

/** Adds the rules of every colour in `colors` not yet prepared. */
export function prepareColors(colors: Iterable<string>): void {
  if (highlightApiAvailable()) styleColors(colors);
}

/** Replace every colour highlight with `items`. */
export function paintHighlights(items: readonly PaintItem[]): void {
  if (!highlightApiAvailable()) return;
  const groups = new Map<string, Range[]>();
  for (const item of items) {
    const key = item.color.toLowerCase();
    const list = groups.get(key) ?? [];
    list.push(item.range);
    groups.set(key, list);
  }
  styleColors(groups.keys());
  for (const name of registered) CSS.highlights.delete(name);
  registered.clear();
  for (const [color, ranges] of groups) {
    const name = highlightName(color);
    CSS.highlights.set(name, new Highlight(...ranges));
    registered.add(name);
  }
}

/** A named special highlight (the active one, the pending selection, a search flash). */
export function paintSpecial(name: string, ranges: readonly Range[], priority = 1): void {
  if (!highlightApiAvailable()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

export function clearAllHighlights(): void {
  if (!highlightApiAvailable()) return;
  for (const name of registered) CSS.highlights.delete(name);
  registered.clear();
  for (const name of [ACTIVE_HIGHLIGHT, PENDING_HIGHLIGHT, FLASH_HIGHLIGHT, SEARCH_HIT_HIGHLIGHT])
    CSS.highlights.delete(name);
}
