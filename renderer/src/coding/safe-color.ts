/**
 * The one gate between a colour from a file on disk and the page. Tag and highlight colours come
 * from `.gloss/` files a person (or a script) may have edited, and an inline style takes whatever
 * it is given: `url(https://…)` as a background makes the browser fetch it. Only `#rrggbb` passes;
 * anything else is replaced by a palette colour, the same one every time for the same tag.
 */
import type { Tag } from '../../../core/model.js';
import { COLOR_PATTERN, OKABE_ITO } from '../../../core/store/palette.js';

/** Untagged highlights: the palette's yellow, the classic highlighter. */
export const DEFAULT_HIGHLIGHT_COLOR = '#F0E442';

export function isSafeColor(value: unknown): value is string {
  return typeof value === 'string' && COLOR_PATTERN.test(value);
}

/** `value` when it is `#rrggbb`, else `fallback`. */
export function safeColor(value: unknown, fallback: string = DEFAULT_HIGHLIGHT_COLOR): string {
  return isSafeColor(value) ? value : fallback;
}

/** A palette colour picked from `key`, so a broken colour still tells tags apart, stably. */
function paletteColorFor(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return OKABE_ITO[hash % OKABE_ITO.length]!;
}

/** The colour a tag is shown in: its own when valid, else a palette colour chosen by its id. */
export function tagColor(tag: Pick<Tag, 'id' | 'color'>): string {
  return safeColor(tag.color, paletteColorFor(tag.id));
}

/**
 * The inline style of a colour swatch. `backgroundColor`, never the `background` shorthand, which
 * would also take an image.
 */
export function swatchStyle(color: unknown): { backgroundColor: string } {
  return { backgroundColor: safeColor(color) };
}
