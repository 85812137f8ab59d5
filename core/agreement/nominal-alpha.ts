/**
 * Krippendorff's alpha from reliability data: a matrix of units × coders, a value or missing in each
 * cell (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"; Hayes & Krippendorff 2007).
 * Through the coincidence matrix: o_ck = Σ_u Σ_{i≠j} [v_iu = c][v_ju = k] / (m_u − 1) over units with
 * m_u ≥ 2 values; n_c = Σ_k o_ck; Do = Σ o_ck δ²_ck / n; De = Σ n_c n_k δ²_ck / (n(n − 1)); α = 1 − Do/De.
 * Gloss uses the nominal metric for `alpha_article` (articles as units, "code applied" as the value);
 * ordinal, interval and ratio are here because they cost a few lines and pin the worked examples.
 */

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** A cell: a value, or null/undefined when the coder gave none for that unit. */
export type ReliabilityValue = string | number | boolean | null | undefined;

export type ReliabilityUndefined = 'no-pairable-values' | 'no-variation';

export interface ReliabilityAlpha {
  alpha: number | null;
  observed: number;
  expected: number;
  /** Pairable values: those in units that at least two coders valued (n). */
  pairable: number;
  reason: ReliabilityUndefined | null;
}

type Present = string | number | boolean;

function distance(metric: AlphaMetric, values: readonly Present[], marginals: readonly number[]) {
  if (metric === 'nominal') return (c: number, k: number): number => (c === k ? 0 : 1);
  const num = values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new RangeError(`The ${metric} metric needs numbers; got ${JSON.stringify(v)}.`);
    return v;
  });
  if (metric === 'interval') return (c: number, k: number): number => (num[c]! - num[k]!) ** 2;
  if (metric === 'ratio')
    return (c: number, k: number): number => {
      const s = num[c]! + num[k]!;
      return s === 0 ? 0 : ((num[c]! - num[k]!) / s) ** 2;
    };
  // Ordinal: the values in rank order; δ²_ck = (Σ_{g from c to k} n_g − (n_c + n_k)/2)².
  const order = num.map((_, i) => i).sort((a, b) => num[a]! - num[b]!);
  const rank = new Array<number>(num.length);
  order.forEach((idx, r) => (rank[idx] = r));
  const cumulative = [0];
  for (const idx of order) cumulative.push(cumulative[cumulative.length - 1]! + marginals[idx]!);
  return (c: number, k: number): number => {
    const lo = Math.min(rank[c]!, rank[k]!);
    const hi = Math.max(rank[c]!, rank[k]!);
    const between = cumulative[hi + 1]! - cumulative[lo]!;
    return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };
}

/** Alpha for `data[unit][coder]`; rows may differ in length (a missing cell counts as missing). */
export function reliabilityAlpha(
  data: readonly (readonly ReliabilityValue[])[],
  metric: AlphaMetric = 'nominal',
): ReliabilityAlpha {
  const index = new Map<Present, number>();
  const values: Present[] = [];
  // First pass: each pairable unit's value counts (values numbered as first seen).
  const units: { counts: Map<number, number>; mu: number }[] = [];
  for (const row of data) {
    const counts = new Map<number, number>();
    let mu = 0;
    for (const v of row) {
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
      let c = index.get(v);
      if (c === undefined) {
        c = values.length;
        index.set(v, c);
        values.push(v);
      }
      counts.set(c, (counts.get(c) ?? 0) + 1);
      mu++;
    }
    if (mu >= 2) units.push({ counts, mu });
  }
  // Second pass: the coincidence matrix, sparse ("c·width + k" → weight): few values co-occur.
  const width = values.length;
  const o = new Map<number, number>();
  for (const { counts, mu } of units) {
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs) o.set(c * width + k, (o.get(c * width + k) ?? 0) + pairs / (mu - 1));
      }
    }
  }
  // n_c = Σ_k o_ck is simply how often c occurs in pairable units: counted exactly.
  const marginals = new Array<number>(width).fill(0);
  for (const { counts } of units) for (const [c, nc] of counts) marginals[c]! += nc;
  const n = marginals.reduce((s, x) => s + x, 0);
  if (n <= 1) return { alpha: null, observed: 0, expected: 0, pairable: n, reason: 'no-pairable-values' };
  const d2 = distance(metric, values, marginals);
  let observed = 0;
  for (const [key, w] of o) observed += w * d2(Math.floor(key / width), key % width);
  observed /= n;
  let expected = 0;
  for (let c = 0; c < width; c++)
    for (let k = 0; k < width; k++) if (c !== k) expected += marginals[c]! * marginals[k]! * d2(c, k);
  expected /= n * (n - 1);
  if (!(expected > 0)) return { alpha: null, observed, expected: 0, pairable: n, reason: 'no-variation' };
  return { alpha: 1 - observed / expected, observed, expected, pairable: n, reason: null };
}

/**
 * Nominal alpha for yes/no values given as counts per unit (how many coders said yes, how many gave a
 * value at all): the same figure as `reliabilityAlpha` on the matrix, without building it. With two
 * values the coincidences reduce to o_yes,no = Σ_u yes_u · no_u / (m_u − 1), and
 * α = 1 − (n − 1) · 2 o_yes,no / (2 n_yes n_no).
 */
export function binaryAlpha(yes: ArrayLike<number>, present: ArrayLike<number>): ReliabilityAlpha {
  let n = 0;
  let nYes = 0;
  let disagreeing = 0;
  for (let u = 0; u < present.length; u++) {
    const mu = present[u]!;
    if (mu < 2) continue;
    const y = yes[u]!;
    n += mu;
    nYes += y;
    disagreeing += (2 * y * (mu - y)) / (mu - 1);
  }
  if (n <= 1) return { alpha: null, observed: 0, expected: 0, pairable: n, reason: 'no-pairable-values' };
  const observed = disagreeing / n;
  const expected = (2 * nYes * (n - nYes)) / (n * (n - 1));
  if (!(expected > 0)) return { alpha: null, observed, expected: 0, pairable: n, reason: 'no-variation' };
  return { alpha: 1 - observed / expected, observed, expected, pairable: n, reason: null };
}
