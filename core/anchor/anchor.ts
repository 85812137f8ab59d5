/**
 * Places stored annotations on the current text of their article. Cheapest evidence first, always
 * verified against the quote: the stored position, then exact occurrences of the quote ranked by
 * context and distance, then a bounded fuzzy match. What cannot be placed becomes an orphan —
 * reported, never dropped.
 */
import type { AnchorStatus, Annotation } from '../model.js';
import { matchExactQuote, matchFuzzyQuote, matchesWithContext, type QuoteContext } from './match-quote.js';
import type { TextRange } from './text-range.js';

export type AnchorSelectors = Pick<Annotation, 'quote' | 'position'>;

export interface AnchorResult {
  status: AnchorStatus;
  /** Where the annotation sits now (UTF-16 units); null for orphans. */
  range: TextRange | null;
}

const ORPHAN: AnchorResult = { status: 'orphan', range: null };

/**
 * Anchors one annotation. `shift` is an optional guess of how far text moved (anchorAll passes the
 * shift of the previous highlight, since one edit moves everything after it by the same amount).
 */
export function anchor(text: string, selectors: AnchorSelectors, shift = 0): AnchorResult {
  const { exact, prefix, suffix } = selectors.quote;
  if (!exact) return ORPHAN;
  const ctx: QuoteContext = { prefix, suffix, hint: selectors.position.start };
  const at = (start: number): TextRange => ({ start, end: start + exact.length });

  if (matchesWithContext(text, exact, ctx.hint, ctx)) return { status: 'exact', range: at(ctx.hint) };
  if (shift !== 0 && matchesWithContext(text, exact, ctx.hint + shift, ctx)) {
    return { status: 'moved', range: at(ctx.hint + shift) };
  }
  const found = matchExactQuote(text, exact, ctx);
  if (found) return { status: found.start === ctx.hint ? 'exact' : 'moved', range: at(found.start) };
  const fuzzy = matchFuzzyQuote(text, exact, ctx);
  if (fuzzy) return { status: 'fuzzy', range: { start: fuzzy.start, end: fuzzy.end } };
  return ORPHAN;
}

/**
 * Anchors every annotation of one article; results keep the input order. Annotations are visited
 * in document order so the shift found for one can be tried first for the next.
 */
export function anchorAll<T extends AnchorSelectors>(
  text: string,
  annotations: readonly T[],
): (T & AnchorResult)[] {
  const order = annotations
    .map((_, i) => i)
    .sort((a, b) => annotations[a]!.position.start - annotations[b]!.position.start);
  const results = new Array<T & AnchorResult>(annotations.length);
  let shift = 0;
  for (const i of order) {
    const annotation = annotations[i]!;
    const result = anchor(text, annotation, shift);
    if (result.range && result.status !== 'exact') shift = result.range.start - annotation.position.start;
    // Object.assign, not spread: V8 pretenures spread copies made in a hot loop, so 100,000 of
    // them (an export) landed in the old generation (~31 MB, and a slow major GC).
    results[i] = Object.assign({}, annotation, result);
  }
  return results;
}
