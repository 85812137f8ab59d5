// Agreement (issue 18): every measure of `gloss agreement` over 10,000 articles, two coders with
// 50,000 highlights each and 30 codes, computed by core/agreement/compute-agreement.ts from data in
// memory (what the store and the library hand it), so the figure is the computation alone. Beside it,
// alpha_u by sort and sweep against the all-pairs definition on a smaller set (the naive one would
// take minutes at full size), with the largest difference between their alphas as a check.
import {
  computeAgreement,
  type AgreementHighlight,
  type AgreementInput,
} from '../../core/agreement/compute-agreement.js';
import { buildContinuum, unitsOf, type Unit } from '../../core/agreement/continuum.js';
import { unitizingAlpha, unitizingAlphaNaive } from '../../core/agreement/unitizing-alpha.js';
import { median, now } from '../measure.js';
import { Prng } from '../prng.js';
import type { Row } from '../report.js';

interface Size {
  articles: number;
  highlightsPerCoder: number;
}

export const FULL: Size = { articles: 10_000, highlightsPerCoder: 50_000 };
export const SMALL: Size = { articles: 1_000, highlightsPerCoder: 5_000 };
const PARENTS = 6;
const CHILDREN = 4; // 6 parents + 24 children = 30 codes

/**
 * A synthetic coding: coder A highlights at random (1-2 codes each, common codes more often); coder
 * B re-codes 80 % of A's passages with its bounds moved a little and now and then another code, and
 * adds passages of its own.
 */
export function syntheticInput(size: Size, seed: number): AgreementInput {
  const rng = new Prng(`agreement-${seed}-${size.articles}`);
  const articles = Array.from({ length: size.articles }, (_, i) => ({
    id: `art-${i}`,
    path: `site-${i % 40}/2025/${String(i).padStart(6, '0')}.html`,
    length: rng.int(300, 4_000),
  }));
  const codes: AgreementInput['codes'][number][] = [];
  for (let p = 0; p < PARENTS; p++) {
    const children = Array.from({ length: CHILDREN }, (_, c) => `t-${p}-${c}`);
    codes.push({ id: `t-${p}`, name: `Theme ${p}`, path: `Theme ${p}`, descendantIds: children });
    for (const [c, id] of children.entries())
      codes.push({ id, name: `Code ${p}.${c}`, path: `Theme ${p}/Code ${p}.${c}`, descendantIds: [] });
  }
  const tagIds = codes.map((c) => c.id);
  const tags = (): string[] => [
    ...new Set([rng.zipf(tagIds), ...(rng.chance(0.3) ? [rng.zipf(tagIds)] : [])]),
  ];
  const random = (coderId: string): AgreementHighlight => {
    const a = rng.pick(articles);
    const start = rng.int(0, a.length - 10);
    return {
      coderId,
      articleId: a.id,
      start,
      end: Math.min(a.length, start + rng.int(5, 300)),
      tagIds: tags(),
    };
  };
  const first = Array.from({ length: size.highlightsPerCoder }, () => random('a'));
  const second = first.map((h) => {
    if (!rng.chance(0.8)) return random('b');
    const length = articles[Number(h.articleId.slice(4))]!.length;
    const start = Math.max(0, h.start + rng.int(-15, 15));
    const end = Math.min(length, Math.max(start + 1, h.end + rng.int(-15, 15)));
    return { ...h, coderId: 'b', start, end, tagIds: rng.chance(0.1) ? tags() : h.tagIds };
  });
  return {
    coders: [
      { id: 'a', name: 'Coder A' },
      { id: 'b', name: 'Coder B' },
    ],
    articles,
    highlights: [...first, ...second],
    codes,
  };
}

/** Median wall-clock and CPU time of `reps` runs (CPU time shows how much of the wall was waiting for a core). */
function timeIt<T>(reps: number, fn: () => T): { ms: number; cpuMs: number; all: number[]; value: T } {
  const all: number[] = [];
  const cpu: number[] = [];
  let value!: T;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = now();
    value = fn();
    all.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(all), cpuMs: median(cpu), all, value };
}

/** Each code's units per coder for the small set (not timed: both implementations start from them). */
function unitsPerCode(input: AgreementInput): { length: number; codes: Unit[][][] } {
  const continuum = buildContinuum(input.articles);
  const highlights = [...input.highlights];
  const codes = input.codes.map((code) =>
    input.coders.map((c) =>
      unitsOf(
        continuum,
        highlights.filter((h) => h.coderId === c.id && h.tagIds.includes(code.id)),
      ),
    ),
  );
  return { length: continuum.length, codes };
}

export interface AgreementBench {
  full: { articles: number; highlights: number; codes: number; continuum: number };
  computeMs: number;
  computeCpuMs: number;
  computeAllMs: number[];
  withChildrenMs: number;
  overallAlphaU: number | null;
  small: { sweepMs: number; naiveMs: number; maxDifference: number };
}

export function benchAgreement(opts: { quick: boolean; seed: number }): {
  result: AgreementBench;
  rows: Row[];
} {
  const reps = opts.quick ? 3 : 7;
  const input = syntheticInput(FULL, opts.seed);
  computeAgreement(input); // warm-up: the optimizing compiler, as a session's second view would be
  const plain = timeIt(reps, () => computeAgreement(input));
  const children = timeIt(reps, () => computeAgreement({ ...input, options: { withChildren: true } }));
  const small = unitsPerCode(syntheticInput(SMALL, opts.seed));
  const alphas = (f: typeof unitizingAlpha): (number | null)[] =>
    small.codes.map((u) => f(small.length, u).alpha);
  alphas(unitizingAlpha);
  const sweep = timeIt(reps, () => alphas(unitizingAlpha));
  const naive = timeIt(opts.quick ? 1 : 3, () => alphas(unitizingAlphaNaive));
  let maxDifference = 0;
  sweep.value.forEach((x, i) => {
    const y = naive.value[i] ?? null;
    maxDifference = Math.max(
      maxDifference,
      x === null || y === null ? (x === y ? 0 : Infinity) : Math.abs(x - y),
    );
  });
  const result: AgreementBench = {
    full: {
      articles: plain.value.articles,
      highlights: 2 * FULL.highlightsPerCoder,
      codes: input.codes.length,
      continuum: plain.value.continuum,
    },
    computeMs: plain.ms,
    computeCpuMs: plain.cpuMs,
    computeAllMs: plain.all,
    withChildrenMs: children.ms,
    overallAlphaU: plain.value.overall.alpha_u,
    small: { sweepMs: sweep.ms, naiveMs: naive.ms, maxDifference },
  };
  const rows: Row[] = [
    {
      measure: 'agreement, every measure: 10,000 articles, 2 × 50,000 highlights, 30 codes',
      value: plain.ms,
      unit: 'ms',
      baseline: null,
      baselineLabel: '',
      target: '≤ 1,000 ms (the view; the CLI has 3 s)',
      pass: plain.ms <= 1_000 && children.ms <= 1_000,
      note: `median of ${reps} (CPU time ${plain.cpuMs.toFixed(0)} ms); with child codes ${children.ms.toFixed(0)} ms; continuum ${(plain.value.continuum / 1e6).toFixed(1)} M code points; overall alpha_u ${plain.value.overall.alpha_u?.toFixed(3) ?? '–'}`,
    },
    {
      measure: 'alpha_u, 1,000 articles, 2 × 5,000 highlights, 30 codes: sort and sweep',
      value: sweep.ms,
      unit: 'ms',
      baseline: naive.ms,
      baselineLabel: 'all pairs of sections',
      target: '< baseline, same alphas',
      pass: sweep.ms < naive.ms && maxDifference < 1e-9,
      note: `largest difference between the two alphas ${maxDifference.toExponential(1)}`,
    },
  ];
  return { result, rows };
}
