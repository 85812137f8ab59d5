/**
 * The agreement report of issue 18 in one call: given coders, articles (path and text length in
 * code points), highlights and codes, every measure per code (alpha_u, alpha_article, character
 * percent agreement and kappa, units and characters per coder) and the overall alpha_u, in the shape
 * `gloss agreement --json` prints. Pure: the caller reads the store and the library.
 *
 * Highlights are placed in the continuum, sorted and bucketed by coder and tag once, so each code
 * costs a merge of its own (already sorted) highlights and linear sweeps (see unitizing-alpha.ts),
 * never a pass over all highlights or over all pairs.
 */
import { ApiError } from '../errors.js';
import { characterAgreement } from './character-agreement.js';
import {
  buildContinuum,
  coveredLength,
  mergeSpans,
  placeRange,
  type Continuum,
  type Unit,
} from './continuum.js';
import { binaryAlpha, type ReliabilityAlpha } from './nominal-alpha.js';
import { DEFAULT_OVERLAP } from './segment-matching.js';
import { overallAlphaU, unitizingAlpha, type UnitizingAlpha } from './unitizing-alpha.js';

export interface AgreementCoder {
  id: string;
  name: string;
}

export interface AgreementArticle {
  id: string;
  path: string;
  /** Length of the canonical text in Unicode code points. */
  length: number;
  /**
   * Coder ids who coded this article (marked it done or annotated it). When given, the other
   * coders' values are missing for alpha_article; when absent, every coder has a value.
   */
  codedBy?: readonly string[];
}

export interface AgreementHighlight {
  /** The highlight's id (only the review needs it). */
  id?: string;
  coderId: string;
  articleId: string;
  /** Code-point offsets in the article's canonical text, half-open. */
  start: number;
  end: number;
  tagIds: readonly string[];
}

export interface AgreementCode {
  id: string;
  name: string;
  /** The code's path in the codebook tree, "Parent/Child". */
  path: string;
  /** Every descendant's id (children, grandchildren…), used when `withChildren` is on. */
  descendantIds: readonly string[];
}

export interface AgreementOptions {
  /** Count a highlight carrying a descendant of the code as the code (default false). */
  withChildren?: boolean;
  /** Segment-matching threshold, share of the longer segment (default 0.6); reported, checked here. */
  overlap?: number;
  /** Only these articles (ids); default: every article given. */
  articleIds?: readonly string[];
}

export interface AgreementInput {
  coders: readonly AgreementCoder[];
  articles: readonly AgreementArticle[];
  highlights: readonly AgreementHighlight[];
  codes: readonly AgreementCode[];
  options?: AgreementOptions;
}

export interface PairFigures {
  coders: [string, string];
  percent_agreement: number | null;
  kappa: number | null;
}

/** Why a figure is null, for the UI to word (the CLI prints `notes`). */
export type UndefinedReason =
  | 'fewer-than-two-coders'
  | 'empty-continuum'
  | 'no-units'
  | 'no-variation'
  | 'no-pairable-values'
  | 'all-or-nothing-coded';

export interface CodeAgreement {
  tag: string;
  tag_id: string;
  tag_path: string;
  alpha_u: number | null;
  alpha_article: number | null;
  percent_agreement: number | null;
  kappa: number | null;
  /** Units (merged highlights) per coder name. */
  units: Record<string, number>;
  /** Code points coded per coder name. */
  characters: Record<string, number>;
  /** alpha_u's observed and expected disagreement, so `overall` can be recomputed. */
  alpha_u_observed: number;
  alpha_u_expected: number;
  /** Each pair of coders (one entry for two coders). */
  pairs: PairFigures[];
  undefined_reasons: Partial<
    Record<'alpha_u' | 'alpha_article' | 'percent_agreement' | 'kappa', UndefinedReason>
  >;
}

export interface AgreementResult {
  /** Coder names, in the order given. */
  coders: string[];
  coder_ids: string[];
  /** Articles in the continuum. */
  articles: number;
  /** Its length in code points. */
  continuum: number;
  with_children: boolean;
  overlap: number;
  codes: CodeAgreement[];
  overall: { alpha_u: number | null };
  /** Why figures are null, and what input was left out, in words. */
  notes: string[];
}

const REASON_TEXT: Record<UndefinedReason, string> = {
  'fewer-than-two-coders': 'fewer than two coders',
  'empty-continuum': 'the chosen articles have no text',
  'no-units': 'no coder applied the code',
  'no-variation': 'there is no variation to compare (expected disagreement is 0)',
  'no-pairable-values': 'no article was coded by two coders',
  'all-or-nothing-coded': 'every coder coded all of the text or none of it',
};

function checkInput(input: AgreementInput): { overlap: number } {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const c of input.coders) {
    if (ids.has(c.id) || names.has(c.name))
      throw new ApiError('invalid-input', `Coder ${c.name} (${c.id}) is listed twice.`);
    ids.add(c.id);
    names.add(c.name);
  }
  if (ids.size < 2) throw new ApiError('invalid-input', 'Agreement needs at least two coders.');
  const overlap = input.options?.overlap ?? DEFAULT_OVERLAP;
  if (!(overlap > 0 && overlap <= 1))
    throw new ApiError(
      'invalid-input',
      `The overlap must be above 0 and at most 1 (got ${String(overlap)}).`,
    );
  return { overlap };
}

function chosenArticles(input: AgreementInput): AgreementArticle[] {
  const wanted = input.options?.articleIds;
  if (!wanted) return [...input.articles];
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  return [...new Set(wanted)].map((id) => {
    const a = byId.get(id);
    if (!a) throw new ApiError('not-found', `No article with id ${id} among the articles given.`);
    return a;
  });
}

/** Every placed highlight, bucketed as coder index → tag id → spans; counts what was left out. */
function bucketHighlights(
  input: AgreementInput,
  continuum: Continuum,
  coderIndex: ReadonlyMap<string, number>,
): { buckets: Map<string, Unit[]>[]; clipped: number; empty: number } {
  const buckets = input.coders.map(() => new Map<string, Unit[]>());
  let clipped = 0;
  let empty = 0;
  const placed: { unit: Unit; coder: number; tagIds: readonly string[] }[] = [];
  for (const h of input.highlights) {
    const coder = coderIndex.get(h.coderId);
    if (coder === undefined || !continuum.byId.has(h.articleId)) continue;
    const unit = placeRange(continuum, h);
    if (!unit) {
      empty++;
      continue;
    }
    if (unit.end - unit.start !== h.end - h.start) clipped++;
    placed.push({ unit, coder, tagIds: h.tagIds });
  }
  // One sort of everything, so each bucket is filled in order and its merge sorts sorted runs.
  placed.sort((x, y) => x.unit.start - y.unit.start || x.unit.end - y.unit.end);
  for (const { unit, coder, tagIds } of placed) {
    const byTag = buckets[coder]!;
    for (let t = 0; t < tagIds.length; t++) {
      const tag = tagIds[t]!;
      if (tagIds.indexOf(tag) < t) continue; // a tag listed twice counts once
      const list = byTag.get(tag);
      if (list) list.push(unit);
      else byTag.set(tag, [unit]);
    }
  }
  return { buckets, clipped, empty };
}

/**
 * Who has a value for alpha_article in each article: every coder, or those in its `codedBy`.
 * Per coder a 0/1 mask over the articles, and per article how many coders have a value.
 */
export interface ArticleValues {
  valued: Uint8Array[];
  present: Int32Array;
}

function articleValues(
  coders: readonly AgreementCoder[],
  continuum: Continuum<AgreementArticle>,
): ArticleValues {
  const present = new Int32Array(continuum.articles.length);
  const valued = coders.map((coder) => {
    const mask = new Uint8Array(continuum.articles.length);
    for (const a of continuum.articles) {
      if (a.codedBy && !a.codedBy.includes(coder.id)) continue;
      mask[a.index] = 1;
      present[a.index]!++;
    }
    return mask;
  });
  return { valued, present };
}

/** alpha_article: articles as units, "the coder applied the code here" (yes/no) as the value. */
function articleAlpha(values: ArticleValues, units: readonly Unit[][]): ReliabilityAlpha {
  const yes = new Int32Array(values.present.length);
  units.forEach((list, coder) => {
    const valued = values.valued[coder]!;
    let last = -1;
    // Units are in continuum order, so a coder's units in one article come one after another.
    for (const u of list) {
      if (u.article === last) continue;
      last = u.article;
      yes[u.article]! += valued[u.article]!;
    }
  });
  return binaryAlpha(yes, values.present);
}

/** The input checked and laid out once: the continuum and every coder's placed highlights by tag. */
export interface PreparedAgreement {
  input: AgreementInput;
  continuum: Continuum<AgreementArticle>;
  withChildren: boolean;
  overlap: number;
  buckets: readonly Map<string, Unit[]>[];
  values: ArticleValues;
  /** Highlights cut at their article's end, and highlights left with no text. */
  clipped: number;
  empty: number;
}

/** Checks the input (ApiError `invalid-input` / `not-found`) and lays it out for the measures. */
export function prepareAgreement(input: AgreementInput): PreparedAgreement {
  const { overlap } = checkInput(input);
  const continuum = buildContinuum(chosenArticles(input));
  const coderIndex = new Map(input.coders.map((c, i) => [c.id, i]));
  const { buckets, clipped, empty } = bucketHighlights(input, continuum, coderIndex);
  const values = articleValues(input.coders, continuum);
  const withChildren = input.options?.withChildren ?? false;
  return { input, continuum, withChildren, overlap, buckets, values, clipped, empty };
}

/** The tag ids that count as the code: itself, and its descendants when asked. */
export function codeTagIds(code: AgreementCode, withChildren: boolean): string[] {
  return withChildren ? [code.id, ...code.descendantIds] : [code.id];
}

/** Each coder's units for a code (in the order of `input.coders`). */
export function codeUnits(prepared: PreparedAgreement, code: AgreementCode): Unit[][] {
  const tagIds = codeTagIds(code, prepared.withChildren);
  return prepared.buckets.map((byTag) => mergeSpans(tagIds.flatMap((t) => byTag.get(t) ?? [])));
}

function codeAgreement(
  prepared: PreparedAgreement,
  code: AgreementCode,
): { row: CodeAgreement; alphaU: UnitizingAlpha } {
  const { input, continuum, values } = prepared;
  const units = codeUnits(prepared, code);
  const alphaU = unitizingAlpha(continuum.length, units);
  const alphaArticle = articleAlpha(values, units);
  const chars = characterAgreement(continuum.length, units);
  const names = input.coders.map((c) => c.name);
  const reasons: CodeAgreement['undefined_reasons'] = {};
  if (alphaU.reason) reasons.alpha_u = alphaU.reason;
  if (alphaArticle.reason) reasons.alpha_article = alphaArticle.reason;
  if (chars.percentAgreement === null) reasons.percent_agreement = 'empty-continuum';
  if (chars.kappa === null) reasons.kappa = continuum.length > 0 ? 'all-or-nothing-coded' : 'empty-continuum';
  const row: CodeAgreement = {
    tag: code.name,
    tag_id: code.id,
    tag_path: code.path,
    alpha_u: alphaU.alpha,
    alpha_article: alphaArticle.alpha,
    percent_agreement: chars.percentAgreement,
    kappa: chars.kappa,
    units: Object.fromEntries(names.map((n, i) => [n, units[i]!.length])),
    characters: Object.fromEntries(names.map((n, i) => [n, coveredLength(units[i]!)])),
    alpha_u_observed: alphaU.observed,
    alpha_u_expected: alphaU.expected,
    pairs: chars.pairs.map((p) => ({
      coders: [names[p.coders[0]]!, names[p.coders[1]]!],
      percent_agreement: p.percentAgreement,
      kappa: p.kappa,
    })),
    undefined_reasons: reasons,
  };
  return { row, alphaU };
}

/** Every measure of issue 18 for the given coders, articles and codes. Throws ApiError on bad input. */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const prepared = prepareAgreement(input);
  const { continuum, withChildren, overlap, clipped, empty } = prepared;
  const notes: string[] = [];
  const codes: CodeAgreement[] = [];
  const alphas: UnitizingAlpha[] = [];
  for (const code of input.codes) {
    const { row, alphaU } = codeAgreement(prepared, code);
    codes.push(row);
    alphas.push(alphaU);
    for (const [measure, reason] of Object.entries(row.undefined_reasons))
      notes.push(`${code.path}: ${measure} is undefined: ${REASON_TEXT[reason]}.`);
  }
  const overall = overallAlphaU(alphas);
  if (overall.reason) notes.push(`overall alpha_u is undefined: ${REASON_TEXT[overall.reason]}.`);
  if (clipped)
    notes.push(
      `${clipped} highlight(s) reached past the end of their article's text and were cut at its end.`,
    );
  if (empty) notes.push(`${empty} highlight(s) had no text left inside their article and were left out.`);
  return {
    coders: input.coders.map((c) => c.name),
    coder_ids: input.coders.map((c) => c.id),
    articles: continuum.articles.length,
    continuum: continuum.length,
    with_children: withChildren,
    overlap,
    codes,
    overall: { alpha_u: overall.alpha },
    notes,
  };
}
