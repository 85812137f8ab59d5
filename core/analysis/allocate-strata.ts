/**
 * How many articles each stratum gives to a sample of `n`. Pure.
 * - Proportional: each stratum its share `n × size / total`, rounded down, and the articles still
 *   missing go one each to the largest remainders (Hamilton's method), so the counts sum to `n`.
 * - Equal: the same number from each stratum; a stratum with fewer articles gives all it has and
 *   the rest is shared among the others.
 * Ties go to the earlier stratum (strata come in key order), so the result depends on nothing else.
 * Asking for more than there are takes every article.
 */
export function allocateStrata(sizes: readonly number[], n: number, equal: boolean): number[] {
  const total = sizes.reduce((s, x) => s + x, 0);
  const want = Math.max(0, Math.min(Math.floor(n), total));
  if (want === total) return [...sizes];
  return equal ? equalShares(sizes, want) : proportionalShares(sizes, want, total);
}

function proportionalShares(sizes: readonly number[], n: number, total: number): number[] {
  // Integer arithmetic: n × size fits easily in a double's exact range for any real library.
  const quotas = sizes.map((s) => n * s);
  const out = quotas.map((q) => Math.floor(q / total));
  let missing = n - out.reduce((s, x) => s + x, 0);
  const order = sizes.map((_, i) => i).sort((a, b) => (quotas[b]! % total) - (quotas[a]! % total) || a - b);
  for (const i of order) {
    if (missing === 0) break;
    if (out[i]! < sizes[i]!) {
      out[i]!++;
      missing--;
    }
  }
  return out;
}

function equalShares(sizes: readonly number[], n: number): number[] {
  const out = sizes.map(() => 0);
  let left = n;
  // Water-filling: each round gives every stratum that still has articles an equal part.
  while (left > 0) {
    const open = sizes.map((s, i) => i).filter((i) => out[i]! < sizes[i]!);
    if (open.length === 0) break;
    const part = Math.floor(left / open.length);
    if (part === 0) {
      for (const i of open.slice(0, left)) out[i]!++;
      break;
    }
    for (const i of open) {
      const take = Math.min(part, sizes[i]! - out[i]!);
      out[i]! += take;
      left -= take;
    }
  }
  return out;
}
