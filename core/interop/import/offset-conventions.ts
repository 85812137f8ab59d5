/**
 * How other tools count positions in a source's text, and turning their positions into offsets in
 * Gloss's terms. The standard counts Unicode code points; NVivo counts UTF-16 code units with a
 * CR LF line break as two; ATLAS.ti writes CR LF but counts a line break once; QualCoder and MAXQDA
 * count code points. They differ only where a text has CR LF or characters outside the Basic
 * Multilingual Plane (emoji, 𠀀), so the convention is told by evidence: each selection's `name`
 * (tools often store the selected text there) compared with the text each convention puts at its
 * place, and places that would cut a character or a line break in two; the tool named by `origin`
 * decides only when the evidence is even.
 *
 * Offsets: the source's text as read (`raw`, BOM removed) is turned into Gloss's form by making
 * every line break a LF (`normalizeSourceText`); `toNormalized` maps a raw UTF-16 offset there.
 */

export interface OffsetConvention {
  /** What one position counts. */
  unit: 'code-points' | 'utf16';
  /** A CR LF line break counts as one position (ATLAS.ti), not two. */
  crlfAsOne: boolean;
  /** The file's byte order mark counts as position 0 (a tool that read it as a character). */
  bomCounted: boolean;
}

export function conventionName(c: OffsetConvention): string {
  const unit = c.unit === 'code-points' ? 'code points' : 'UTF-16 units';
  return `${unit}, CR LF as ${c.crlfAsOne ? 'one' : 'two'}${c.bomCounted ? ', BOM counted' : ''}`;
}

const STANDARD: OffsetConvention = { unit: 'code-points', crlfAsOne: false, bomCounted: false };
const NVIVO: OffsetConvention = { unit: 'utf16', crlfAsOne: false, bomCounted: false };
const ATLAS: OffsetConvention = { unit: 'code-points', crlfAsOne: true, bomCounted: false };
const ATLAS_UTF16: OffsetConvention = { unit: 'utf16', crlfAsOne: true, bomCounted: false };

/** Every convention, the tool's own first (by `origin`), then the standard's. */
export function conventionsFor(origin: string | null, hadBom: boolean): OffsetConvention[] {
  const o = origin ?? '';
  const order = /nvivo/i.test(o)
    ? [NVIVO, STANDARD, ATLAS, ATLAS_UTF16]
    : /atlas/i.test(o)
      ? [ATLAS, ATLAS_UTF16, STANDARD, NVIVO]
      : [STANDARD, NVIVO, ATLAS, ATLAS_UTF16];
  return hadBom ? [...order, ...order.map((c) => ({ ...c, bomCounted: true }))] : order;
}

/** Every line break as LF (CR LF and a lone CR), as Gloss's texts have them. */
export function normalizeSourceText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

/** Number of leading elements of an ascending array below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One source's text, able to turn positions in any convention into offsets (O(log n) each). */
export class SourcePositions {
  /** UTF-16 offsets of high surrogates of astral characters. */
  private readonly astral: number[] = [];
  /** UTF-16 offsets of the CR of each CR LF. */
  private readonly crlf: number[] = [];

  constructor(
    readonly raw: string,
    readonly hadBom: boolean,
  ) {
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) {
        const d = raw.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      } else if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) this.crlf.push(i);
    }
  }

  /** True when the text reads the same in every convention (no CR LF, no astral characters, no BOM). */
  get unambiguous(): boolean {
    return this.astral.length === 0 && this.crlf.length === 0 && !this.hadBom;
  }

  /** Positions counted before raw offset `o` in convention `c`. */
  private count(o: number, c: OffsetConvention): number {
    let n = o;
    if (c.unit === 'code-points') n -= countBelow(this.astral, o);
    if (c.crlfAsOne) n -= countBelow(this.crlf, o);
    return n;
  }

  /** The raw UTF-16 offset of position `p` in convention `c`, or null outside the text. */
  toRaw(p: number, c: OffsetConvention): number | null {
    const pos = c.bomCounted && this.hadBom ? p - 1 : p;
    if (!Number.isSafeInteger(pos) || pos < 0) return null;
    // The smallest offset at which `pos` positions have been counted (counts never decrease).
    let lo = 0;
    let hi = this.raw.length;
    if (this.count(hi, c) < pos) return null;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.count(mid, c) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The offset in `normalizeSourceText(raw)` of a raw offset. */
  toNormalized(o: number): number {
    return o - countBelow(this.crlf, o);
  }

  /** True when the offset falls inside a surrogate pair or between the CR and LF of a line break. */
  splitsCharacter(o: number): boolean {
    const prev = this.raw.charCodeAt(o - 1);
    const next = this.raw.charCodeAt(o);
    return (
      (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) ||
      (prev === 0x0d && next === 0x0a)
    );
  }
}

/** Spacing and line breaks aside, two texts read the same. */
export const withoutSpace = (s: string): string => s.replace(/[\s\u200b\ufeff]+/g, '');

/** How well the text a convention puts at a selection agrees with the selection's name. */
export type NameEvidence = 'same' | 'prefix' | 'different' | 'none';

export function nameEvidence(name: string, text: string): NameEvidence {
  const a = withoutSpace(name);
  if (!a) return 'none';
  const b = withoutSpace(text);
  if (a === b) return 'same';
  // Tools cut long names short (some add an ellipsis).
  const cut = a.replace(/(\.\.\.|…)$/, '');
  if (cut.length >= 4 && b.startsWith(cut)) return 'prefix';
  return 'different';
}

export interface RawSelection {
  start: number;
  end: number;
  name: string;
}

export interface PlacedRange {
  /** Raw UTF-16 offsets. */
  start: number;
  end: number;
  convention: OffsetConvention;
  /** The name agrees with the text there. */
  nameMatches: boolean;
}

function scoreAt(
  src: SourcePositions,
  sel: RawSelection,
  c: OffsetConvention,
): { score: number; range: PlacedRange | null } {
  const start = src.toRaw(sel.start, c);
  const end = src.toRaw(sel.end, c);
  if (start === null || end === null || end < start) return { score: -100, range: null };
  let score = 0;
  const evidence = nameEvidence(sel.name, src.raw.slice(start, end));
  if (evidence === 'same') score += 10;
  else if (evidence === 'prefix') score += 5;
  else if (evidence === 'different') score -= 3;
  if (src.splitsCharacter(start)) score -= 5;
  if (src.splitsCharacter(end)) score -= 5;
  return {
    score,
    range: { start, end, convention: c, nameMatches: evidence === 'same' || evidence === 'prefix' },
  };
}

/**
 * The convention that fits a source's selections best (ties: the earlier in `candidates`), and each
 * selection's raw range: in that convention, or in another one where only that one gives the text
 * its name says (a tool that was inconsistent). Null ranges: outside the text in every convention.
 */
export function placeInSource(
  src: SourcePositions,
  selections: readonly RawSelection[],
  candidates: readonly OffsetConvention[],
): { convention: OffsetConvention; ranges: (PlacedRange | null)[] } {
  const totals = candidates.map((c) => selections.reduce((sum, sel) => sum + scoreAt(src, sel, c).score, 0));
  let best = 0;
  for (let i = 1; i < candidates.length; i++) if (totals[i]! > totals[best]!) best = i;
  const convention = candidates[best]!;
  const ranges = selections.map((sel) => {
    const chosen = scoreAt(src, sel, convention).range;
    if (chosen?.nameMatches || !sel.name.trim()) return chosen;
    const other = candidates.map((c) => scoreAt(src, sel, c).range).find((r) => r?.nameMatches);
    return other ?? chosen;
  });
  return { convention, ranges };
}
