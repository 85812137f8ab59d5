/**
 * Default tag colours: the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies. Black is left out: it is unreadable as a highlight behind text.
 */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
] as const;

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** The palette colour used least among `used` (earliest on a tie), so new tags look different. */
export function nextPaletteColor(used: readonly string[]): string {
  const counts = new Map<string, number>(OKABE_ITO.map((c) => [c, 0]));
  for (const c of used) {
    const key = c.toUpperCase();
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  let best: string = OKABE_ITO[0];
  for (const c of OKABE_ITO) if (counts.get(c)! < counts.get(best)!) best = c;
  return best;
}
