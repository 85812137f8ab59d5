/**
 * Krippendorff's alpha for unitized data, binary case (unit vs gap), for one code and m ≥ 2 coders
 * (Krippendorff 1995; 2004, *Content Analysis*, 2nd ed., ch. 11). Each coder's continuum of length L
 * is cut into sections: their units and the gaps between them. For sections g, h of two coders:
 * - both units and overlapping: δ² = (b_g − b_h)² + (e_g − e_h)²;
 * - a unit lying wholly inside the other's gap: δ² = l_unit²;
 * - otherwise 0.
 * Do = Σ over ordered coder pairs Σ δ² / (m(m−1)L²);
 * De = (2/L) Σ_units [(N−1)(2l³ − 3l² + l)/3 + l² Σ_{gaps h, l_h ≥ l} (l_h − l + 1)]
 *      / [mL(mL − 1) − Σ_units l(l − 1)], N = units over all coders; α = 1 − Do/De.
 *
 * Every non-zero δ² comes from two sections that overlap, and each coder's sections partition the
 * continuum, so a two-pointer sweep over two coders' sections visits exactly those pairs: O(sections)
 * per coder pair instead of all pairs. The gap sum of De uses sorted gap lengths and suffix sums.
 * `unitizingAlphaNaive` evaluates the definitions over all pairs; tests and the bench compare them.
 */
import type { Span } from './continuum.js';

export type UnitizingUndefined = 'fewer-than-two-coders' | 'empty-continuum' | 'no-units' | 'no-variation';

export interface UnitizingAlpha {
  /** null when undefined; then `reason` says why. */
  alpha: number | null;
  /** Observed disagreement Do (0 when there is nothing to compare). */
  observed: number;
  /** Expected disagreement De (0 when undefined). */
  expected: number;
  reason: UnitizingUndefined | null;
}

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

/**
 * A coder's sections (their units and the gaps around them, covering [0, length)) in flat arrays:
 * one coding has thousands per code, and objects for each would be most of the work.
 */
interface Sections {
  count: number;
  start: Float64Array;
  end: Float64Array;
  unit: Uint8Array;
}

function sectionsOf(length: number, units: readonly Span[]): Sections {
  const cap = 2 * units.length + 1;
  const out: Sections = {
    count: 0,
    start: new Float64Array(cap),
    end: new Float64Array(cap),
    unit: new Uint8Array(cap),
  };
  const push = (start: number, end: number, unit: boolean): void => {
    out.start[out.count] = start;
    out.end[out.count] = end;
    out.unit[out.count++] = unit ? 1 : 0;
  };
  let at = 0;
  for (const u of units) {
    if (u.start > at) push(at, u.start, false);
    push(u.start, u.end, true);
    at = u.end;
  }
  if (at < length) push(at, length, false);
  return out;
}

const sectionAt = (s: Sections, i: number): Section => ({
  start: s.start[i]!,
  end: s.end[i]!,
  unit: s.unit[i] === 1,
});

/** δ² of two sections of different coders (Krippendorff 2004, p. 253). */
function delta2(g: Section, h: Section): number {
  const lg = g.end - g.start;
  const lh = h.end - h.start;
  if (g.unit && h.unit) {
    const d = g.start - h.start;
    if (-lg < d && d < lh) return d * d + (g.end - h.end) * (g.end - h.end);
    return 0;
  }
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? lg * lg : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? lh * lh : 0;
  return 0;
}

/** Σ δ² over the overlapping sections of two coders (each pair of sections counted once). */
function pairDisagreement(a: Sections, b: Sections): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.count && j < b.count) {
    const ga = a.start[i]!;
    const ea = a.end[i]!;
    const gb = b.start[j]!;
    const eb = b.end[j]!;
    // Sections of two coders that overlap: δ² by the cases of delta2, inlined for speed.
    if (a.unit[i] && b.unit[j]) sum += (ga - gb) * (ga - gb) + (ea - eb) * (ea - eb);
    else if (a.unit[i]) sum += gb <= ga && ea <= eb ? (ea - ga) * (ea - ga) : 0;
    else if (b.unit[j]) sum += ga <= gb && eb <= ea ? (eb - gb) * (eb - gb) : 0;
    if (ea < eb) i++;
    else if (eb < ea) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}

function checkUnits(length: number, coders: readonly (readonly Span[])[]): void {
  for (const units of coders) {
    let at = 0;
    for (const u of units) {
      if (!(u.start >= at && u.end > u.start && u.end <= length))
        throw new RangeError('Units must be sorted, disjoint, non-empty spans inside the continuum.');
      at = u.end;
    }
  }
}

/** What both implementations share: the cases where alpha is undefined, and α from Do and De. */
function finish(
  length: number,
  coders: readonly (readonly Span[])[],
  observed: () => number,
  expected: () => number,
): UnitizingAlpha {
  if (coders.length < 2) return { alpha: null, observed: 0, expected: 0, reason: 'fewer-than-two-coders' };
  if (length <= 0) return { alpha: null, observed: 0, expected: 0, reason: 'empty-continuum' };
  checkUnits(length, coders);
  if (coders.every((u) => u.length === 0))
    return { alpha: null, observed: 0, expected: 0, reason: 'no-units' };
  const Do = observed();
  const De = expected();
  if (!(De > 0)) return { alpha: null, observed: Do, expected: 0, reason: 'no-variation' };
  return { alpha: 1 - Do / De, observed: Do, expected: De, reason: null };
}

/** The denominator of De: mL(mL − 1) − Σ_units l(l − 1). */
function expectedDenominator(length: number, m: number, unitLengths: ArrayLike<number>): number {
  let d = m * length * (m * length - 1);
  for (let i = 0; i < unitLengths.length; i++) d -= unitLengths[i]! * (unitLengths[i]! - 1);
  return d;
}

/** (N − 1)(2l³ − 3l² + l)/3 for one unit of length l. */
const withinUnitTerm = (n: number, l: number): number => ((n - 1) * (2 * l * l * l - 3 * l * l + l)) / 3;

/** alpha_u by sort and sweep: units per coder must be sorted, disjoint spans inside [0, length). */
export function unitizingAlpha(length: number, coders: readonly (readonly Span[])[]): UnitizingAlpha {
  const m = coders.length;
  const sections = (): Sections[] => coders.map((u) => sectionsOf(length, u));
  let all: Sections[] | null = null;
  return finish(
    length,
    coders,
    () => {
      all = sections();
      let sum = 0;
      for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) sum += pairDisagreement(all[i]!, all[j]!);
      // Each unordered pair stands for the two ordered pairs of the definition.
      return (2 * sum) / (m * (m - 1) * length * length);
    },
    () => {
      const secs = all ?? sections();
      let units = 0;
      for (const sec of secs) for (let k = 0; k < sec.count; k++) units += sec.unit[k]!;
      const total = secs.reduce((sum, sec) => sum + sec.count, 0);
      const unitLengths = new Float64Array(units);
      const gapLengths = new Float64Array(total - units);
      let u = 0;
      let g = 0;
      for (const sec of secs)
        for (let k = 0; k < sec.count; k++) {
          if (sec.unit[k]) unitLengths[u++] = sec.end[k]! - sec.start[k]!;
          else gapLengths[g++] = sec.end[k]! - sec.start[k]!;
        }
      gapLengths.sort(); // a typed array sorts numerically
      // suffixSum[k]: total length of the gaps from index k on (all at least gapLengths[k]).
      const suffixSum = new Float64Array(gapLengths.length + 1);
      for (let k = gapLengths.length - 1; k >= 0; k--) suffixSum[k] = suffixSum[k + 1]! + gapLengths[k]!;
      let numerator = 0;
      for (const l of unitLengths) {
        const k = firstAtLeast(gapLengths, l);
        const count = gapLengths.length - k;
        numerator += withinUnitTerm(units, l) + l * l * (suffixSum[k]! - count * (l - 1));
      }
      const denominator = expectedDenominator(length, m, unitLengths);
      return denominator > 0 ? ((2 / length) * numerator) / denominator : 0;
    },
  );
}

/** Index of the first value ≥ x in an ascending array. */
function firstAtLeast(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function objectSections(length: number, units: readonly Span[]): Section[] {
  const s = sectionsOf(length, units);
  return Array.from({ length: s.count }, (_, i) => sectionAt(s, i));
}

/** The definitions evaluated over every pair of sections and every unit × gap: for tests and the bench. */
export function unitizingAlphaNaive(length: number, coders: readonly (readonly Span[])[]): UnitizingAlpha {
  const m = coders.length;
  return finish(
    length,
    coders,
    () => {
      const secs = coders.map((u) => objectSections(length, u));
      let sum = 0;
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          if (i === j) continue;
          for (const g of secs[i]!) for (const h of secs[j]!) sum += delta2(g, h);
        }
      return sum / (m * (m - 1) * length * length);
    },
    () => {
      const secs = coders.flatMap((u) => objectSections(length, u));
      const units = secs.filter((s) => s.unit).map((s) => s.end - s.start);
      const gaps = secs.filter((s) => !s.unit).map((s) => s.end - s.start);
      let numerator = 0;
      for (const l of units) {
        let gapSum = 0;
        for (const lh of gaps) if (lh >= l) gapSum += lh - l + 1;
        numerator += withinUnitTerm(units.length, l) + l * l * gapSum;
      }
      const denominator = expectedDenominator(length, m, units);
      return denominator > 0 ? ((2 / length) * numerator) / denominator : 0;
    },
  );
}

/**
 * Alpha over several codes at once: 1 − ΣDo / ΣDe over the codes (Krippendorff's α_u across
 * categories, as the issue defines `overall.alpha_u`). A code without units adds 0 to both sums.
 */
export function overallAlphaU(perCode: readonly UnitizingAlpha[]): UnitizingAlpha {
  let observed = 0;
  let expected = 0;
  for (const r of perCode) {
    observed += r.observed;
    expected += r.expected;
  }
  if (expected > 0) return { alpha: 1 - observed / expected, observed, expected, reason: null };
  const reasons = new Set(perCode.map((r) => r.reason));
  const only = reasons.size === 1 ? [...reasons][0] : null;
  return {
    alpha: null,
    observed,
    expected: 0,
    reason: only ?? (perCode.length ? 'no-variation' : 'no-units'),
  };
}
