/**
 * Every place an exact quote occurs in a text, with a little context each side: what a script
 * needs to choose one (`gloss annotate --occurrence N`). Offsets are UTF-16 units.
 */
export interface Occurrence {
  start: number;
  end: number;
  before: string;
  after: string;
}

export function findOccurrences(text: string, quote: string, context = 20): Occurrence[] {
  if (!quote) return [];
  const found: Occurrence[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    found.push({
      start: at,
      end,
      before: text.slice(Math.max(0, at - context), at),
      after: text.slice(end, end + context),
    });
  }
  return found;
}
