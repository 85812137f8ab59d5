/**
 * The colour a code is drawn in: its codebook colour when that is a plain `#rrggbb` (the codebook
 * is a file anyone may have edited; the colour ends up in an SVG attribute), else a palette colour
 * picked from its path, the same one every time.
 */
import { COLOR_PATTERN, OKABE_ITO, nextPaletteColor } from '../store/palette.js';

export function codeColor(path: string, colors: ReadonlyMap<string, string>): string {
  const own = colors.get(path);
  if (own !== undefined && COLOR_PATTERN.test(own)) return own;
  let hash = 0;
  for (let i = 0; i < path.length; i++) hash = (hash * 31 + path.charCodeAt(i)) >>> 0;
  return OKABE_ITO[hash % OKABE_ITO.length]!;
}

/**
 * The codes in `paths` in codebook order (the order of `colors`), then any the codebook does not
 * list, in the order they came.
 */
export function codeOrder(paths: Iterable<string>, colors: ReadonlyMap<string, string>): string[] {
  const present = new Set(paths);
  const ordered = [...colors.keys()].filter((p) => present.has(p));
  const known = new Set(ordered);
  for (const p of present) if (!known.has(p)) ordered.push(p);
  return ordered;
}

/**
 * Code path → colour, in codebook order, from a report's codes. A code whose colour is not
 * `#rrggbb` gets the palette colour the others use least, so it still looks different.
 */
export function colorsOf(tags: readonly { path: string; color: string }[]): Map<string, string> {
  const used = tags.map((t) => t.color).filter((c) => COLOR_PATTERN.test(c));
  return new Map(
    tags.map((t) => {
      if (COLOR_PATTERN.test(t.color)) return [t.path, t.color];
      const color = nextPaletteColor(used);
      used.push(color);
      return [t.path, color];
    }),
  );
}
