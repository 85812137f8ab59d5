/**
 * The colour of a coder: the dot beside their name and the edge of their highlights' cards. Tag
 * colours use Okabe–Ito; coders take Paul Tol's "muted" palette, also told apart with the common
 * colour-vision deficiencies, so a coder's edge is not mistaken for a tag's colour. Keyed by the
 * coder's id (the same on every machine), so a colleague has the same colour for everyone.
 */
import type { CSSProperties } from 'react';
export const CODER_PALETTE = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
] as const;

/** FNV-1a over the id's UTF-16 units: cheap, stable, and spreads similar ids apart. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function coderColor(coderId: string): string {
  return CODER_PALETTE[hashOf(coderId) % CODER_PALETTE.length]!;
}

/**
 * The inline style that gives an element its coder's colour as `--coder`: the style sheet paints
 * the dot and the card edge with it, lightened in the dark theme (the palette's indigo and wine
 * are too dark on a dark background).
 */
export function coderStyle(coderId: string): CSSProperties {
  return { '--coder': coderColor(coderId) } as CSSProperties;
}
