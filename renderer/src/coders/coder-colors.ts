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

/** The palette slot a coder id hashes to (where its colour is looked for first). */
function slotOf(coderId: string): number {
  return hashOf(coderId) % CODER_PALETTE.length;
}

/** A coder's colour with no team known: the slot its id hashes to. */
export function coderColor(coderId: string): string {
  return CODER_PALETTE[slotOf(coderId)]!;
}

/**
 * The colours of a library's coders: each takes the slot its id hashes to, and when another coder
 * of the library has it, the next free one (ids in sorted order, so every machine that sees the
 * same coders gives the same colours). Distinct for up to nine coders; beyond, colours repeat.
 */
export function coderColors(coderIds: readonly string[]): ReadonlyMap<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<number>();
  for (const id of [...new Set(coderIds)].sort()) {
    let slot = slotOf(id);
    if (taken.size < CODER_PALETTE.length) while (taken.has(slot)) slot = (slot + 1) % CODER_PALETTE.length;
    taken.add(slot);
    colors.set(id, CODER_PALETTE[slot]!);
  }
  return colors;
}

/**
 * The inline style that gives an element its coder's colour as `--coder`: the style sheet paints
 * the dot and the card edge with it, lightened in the dark theme (the palette's indigo and wine
 * are too dark on a dark background).
 */
export function coderStyle(color: string): CSSProperties {
  return { '--coder': color } as CSSProperties;
}
