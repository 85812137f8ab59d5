/**
 * How well the text around a candidate match agrees with the context stored beside a quote.
 * Two measures: an exact one that is nearly free (used to rank many exact occurrences) and an
 * edit-distance one that tolerates small edits (used to judge fuzzy matches).
 */

/** Length of the longest common suffix of `expected` and the text ending at `end`. */
export function matchingPrefixLength(text: string, end: number, expected: string): number {
  let n = 0;
  while (n < expected.length && end - n - 1 >= 0) {
    if (text.charCodeAt(end - n - 1) !== expected.charCodeAt(expected.length - n - 1)) break;
    n++;
  }
  return n;
}

/** Length of the longest common prefix of `expected` and the text starting at `start`. */
export function matchingSuffixLength(text: string, start: number, expected: string): number {
  let n = 0;
  while (n < expected.length && start + n < text.length) {
    if (text.charCodeAt(start + n) !== expected.charCodeAt(n)) break;
    n++;
  }
  return n;
}

/**
 * Similarity in [0, 1] of `expected` to the best-aligned start of `actual`: 1 − (edit distance /
 * expected length), where `actual` may run on past the aligned part for free (an insertion next to
 * the quote shifts the context but should not make it count as lost). An empty `expected` scores 1.
 */
export function anchoredSimilarity(expected: string, actual: string): number {
  const m = expected.length;
  if (m === 0) return 1;
  const n = Math.min(actual.length, m * 2);
  // Classic DP over expected (rows) × actual (columns); the answer is the best cell of the last row.
  let prev = new Array<number>(n + 1);
  let curr = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    const a = expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = a === actual.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j]!);
  return 1 - best / m;
}

function reverse(s: string): string {
  // Reversing code units is fine here: the result is only compared with another reversed string.
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Similarity of the stored prefix to the text just before `start`. */
export function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (!prefix) return 1;
  const before = text.slice(Math.max(0, start - prefix.length * 2), start);
  return anchoredSimilarity(reverse(prefix), reverse(before));
}

/** Similarity of the stored suffix to the text just after `end`. */
export function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (!suffix) return 1;
  return anchoredSimilarity(suffix, text.slice(end, end + suffix.length * 2));
}
