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

/**
 * `hex` blended with white: `strength` 1 is the colour itself, 0 is white. Heat-map cells are
 * shaded this way rather than by opacity, so they look the same on a dark page and their dark
 * count stays readable.
 */
export function tint(hex: string, strength: number): string {
  const k = Math.min(1, Math.max(0, strength));
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(255 - (255 - c) * k)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}
