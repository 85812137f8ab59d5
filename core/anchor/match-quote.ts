/**
 * Finds a stored quote in a text that may have changed since, as Hypothesis's `match-quote.ts`
 * does: every candidate is scored on the quote itself, the context either side and the distance
 * from where it used to be. Exact occurrences are tried first; fuzzy matching (bit-parallel
 * approximate search) is bounded in errors, quote size and text size so it can never hang.
 */
import search from 'approx-string-match';
import { snapRangeToCodePoints } from './code-points.js';
import {
  matchingPrefixLength,
  matchingSuffixLength,
  prefixSimilarity,
  suffixSimilarity,
} from './context-similarity.js';
import type { TextRange } from './text-range.js';

export interface QuoteContext {
  prefix: string;
  suffix: string;
  /** Where the quote started last time (UTF-16 offset). */
  hint: number;
}

export interface QuoteMatch extends TextRange {
  /** Weighted score in [0, 1]. */
  score: number;
  /** Edits between the quote and the matched text (0 for exact matches). */
  errors: number;
}

/** Relative weights of the evidence, as in Hypothesis. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** At most this many exact occurrences are scored (a one-character quote in a huge text). */
const MAX_EXACT_CANDIDATES = 100_000;
/** Fuzzy matching allows this share of the quote's length as edits… */
const FUZZY_ERROR_RATIO = 0.25;
/** …never more than this (the search cost grows with errors / 32). */
const MAX_FUZZY_ERRORS = 256;
/** Shorter quotes are only matched exactly: one edit in a few characters is a different word. */
const MIN_FUZZY_QUOTE = 6;
/** Longer quotes are only matched exactly: the search cost grows with quote length × text length. */
const MAX_FUZZY_QUOTE = 4096;
/** The whole text is searched fuzzily only up to this size; beyond it, only near the hint. */
const MAX_FUZZY_TEXT = 2_000_000;
/** How far either side of the hint the first, cheap fuzzy search looks (plus the quote length). */
const FUZZY_WINDOW = 2048;
/** Candidates from one approximate search that are scored (the ones nearest the hint). */
const MAX_FUZZY_CANDIDATES = 200;
/** Fuzzy matches below this score are rejected, so the annotation becomes an orphan instead. */
export const FUZZY_THRESHOLD = 0.6;

function positionScore(text: string, start: number, hint: number): number {
  return 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
}

function weigh(quote: number, prefix: number, suffix: number, position: number): number {
  return (
    (WEIGHTS.quote * quote +
      WEIGHTS.prefix * prefix +
      WEIGHTS.suffix * suffix +
      WEIGHTS.position * position) /
    TOTAL_WEIGHT
  );
}

/** True when `quote` sits at `start` and the stored context around it is unchanged. */
export function matchesWithContext(text: string, quote: string, start: number, ctx: QuoteContext): boolean {
  const end = start + quote.length;
  return (
    start >= 0 &&
    text.startsWith(quote, start) &&
    matchingPrefixLength(text, start, ctx.prefix) === ctx.prefix.length &&
    matchingSuffixLength(text, end, ctx.suffix) === ctx.suffix.length
  );
}

/** The best exact occurrence of `quote`, or null when it does not occur. */
export function matchExactQuote(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  if (!quote) return null;
  let best: QuoteMatch | null = null;
  let seen = 0;
  for (
    let at = text.indexOf(quote);
    at !== -1 && seen < MAX_EXACT_CANDIDATES;
    at = text.indexOf(quote, at + 1)
  ) {
    seen++;
    const prefix = ctx.prefix ? matchingPrefixLength(text, at, ctx.prefix) / ctx.prefix.length : 1;
    const suffix = ctx.suffix
      ? matchingSuffixLength(text, at + quote.length, ctx.suffix) / ctx.suffix.length
      : 1;
    const score = weigh(1, prefix, suffix, positionScore(text, at, ctx.hint));
    if (!best || score > best.score) best = { start: at, end: at + quote.length, score, errors: 0 };
  }
  return best;
}

/** The best approximate match of `quote` scoring at least FUZZY_THRESHOLD, or null. */
export function matchFuzzyQuote(text: string, quote: string, ctx: QuoteContext): QuoteMatch | null {
  if (quote.length < MIN_FUZZY_QUOTE || quote.length > MAX_FUZZY_QUOTE) return null;
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(quote.length * FUZZY_ERROR_RATIO));

  // Most edits are local: look near the old place first, the whole text only if that fails.
  const reach = FUZZY_WINDOW + quote.length * 2;
  const from = Math.max(0, ctx.hint - reach);
  const to = Math.min(text.length, ctx.hint + quote.length + reach);
  const near = bestFuzzy(text, quote, ctx, from, to, maxErrors);
  if (near && near.score >= FUZZY_THRESHOLD) return near;
  if ((from === 0 && to === text.length) || text.length > MAX_FUZZY_TEXT) return null;
  const anywhere = bestFuzzy(text, quote, ctx, 0, text.length, maxErrors);
  return anywhere && anywhere.score >= FUZZY_THRESHOLD ? anywhere : null;
}

function bestFuzzy(
  text: string,
  quote: string,
  ctx: QuoteContext,
  from: number,
  to: number,
  maxErrors: number,
): QuoteMatch | null {
  const matches = search(text.slice(from, to), quote, maxErrors)
    .map((m) => ({
      ...snapRangeToCodePoints(text, { start: m.start + from, end: m.end + from }),
      errors: m.errors,
    }))
    .sort((a, b) => Math.abs(a.start - ctx.hint) - Math.abs(b.start - ctx.hint))
    .slice(0, MAX_FUZZY_CANDIDATES);
  let best: QuoteMatch | null = null;
  for (const m of matches) {
    if (m.end <= m.start) continue;
    const score = weigh(
      1 - m.errors / quote.length,
      prefixSimilarity(text, m.start, ctx.prefix),
      suffixSimilarity(text, m.end, ctx.suffix),
      positionScore(text, m.start, ctx.hint),
    );
    if (!best || score > best.score) best = { start: m.start, end: m.end, score, errors: m.errors };
  }
  return best;
}
