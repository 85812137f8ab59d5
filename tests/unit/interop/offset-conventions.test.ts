// Positions as NVivo, ATLAS.ti, QualCoder and the standard count them, turned back into offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conventionsFor,
  normalizeSourceText,
  placeInSource,
  SourcePositions,
  type OffsetConvention,
} from '../../../core/interop/import/offset-conventions.js';

const piece = fc.constantFrom('中', '国', 'a', ' ', '。', '\n', '\r\n', '😀', '𠀀', '👍🏽', 'é');
const text = fc.array(piece, { minLength: 1, maxLength: 60 }).map((p) => p.join(''));

/** Offsets that cut no character and no CR LF in two. */
function boundaries(raw: string): number[] {
  const out = [0];
  for (let i = 1; i <= raw.length; i++) {
    const prev = raw.charCodeAt(i - 1);
    const next = raw.charCodeAt(i);
    const inPair = prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (!inPair && !(prev === 0x0d && next === 0x0a)) out.push(i);
  }
  return out;
}

/** The position of raw offset `o`, counted the way each tool is documented to count. */
function countedAs(c: OffsetConvention, raw: string, o: number): number {
  let before = raw.slice(0, o);
  if (c.crlfAsOne) before = before.replace(/\r\n/g, '\n');
  return c.unit === 'code-points' ? [...before].length : before.length;
}

const ALL = conventionsFor(null, false);

describe('SourcePositions', () => {
  it('turns a position in every convention back into the offset it counts to', () => {
    fc.assert(
      fc.property(text, fc.nat(), (raw, k) => {
        const src = new SourcePositions(raw, false);
        const cut = boundaries(raw);
        const o = cut[k % cut.length]!;
        for (const c of ALL) expect(src.toRaw(countedAs(c, raw, o), c)).toBe(o);
        expect(src.toNormalized(o)).toBe(raw.slice(0, o).replace(/\r\n/g, '\n').length);
        expect(normalizeSourceText(raw).slice(src.toNormalized(o))).toBe(normalizeSourceText(raw.slice(o)));
      }),
    );
  });

  it('refuses positions past the end of the text', () => {
    const src = new SourcePositions('a😀\r\nb', false);
    expect(src.toRaw(5, ALL[0]!)).toBe(6); // code points: a, 😀, CR, LF, b (6 UTF-16 units)
    expect(src.toRaw(6, ALL[0]!)).toBeNull();
    expect(src.toRaw(-1, ALL[0]!)).toBeNull();
  });

  it('counts a byte order mark as position 0 only in the conventions that say so', () => {
    const src = new SourcePositions('ab', true);
    const [plain, withBom] = [ALL[0]!, { ...ALL[0]!, bomCounted: true }];
    expect(src.toRaw(1, plain)).toBe(1);
    expect(src.toRaw(1, withBom)).toBe(0);
  });
});

describe('placeInSource', () => {
  it("finds the convention the selections were written in from their names, whatever the tool's origin says", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...ALL),
        fc.constantFrom(null, 'NVivo 14', 'ATLAS.ti 24', 'QualCoder 3.6'),
        (raw, picks, written, origin) => {
          const src = new SourcePositions(raw, false);
          const cut = boundaries(raw);
          const truth = picks.map(([a, b]) => {
            const [s, e] = [cut[a % cut.length]!, cut[b % cut.length]!].sort((x, y) => x - y);
            return { start: s!, end: e! };
          });
          const selections = truth.map((r) => ({
            start: countedAs(written, raw, r.start),
            end: countedAs(written, raw, r.end),
            name: raw.slice(r.start, r.end),
          }));
          const { ranges } = placeInSource(src, selections, conventionsFor(origin, false));
          ranges.forEach((r, i) => {
            // Where two conventions give the same text the choice does not matter: the text does.
            const name = selections[i]!.name.replace(/\s+/g, '');
            if (name) expect(raw.slice(r!.start, r!.end).replace(/\s+/g, '')).toBe(name);
          });
        },
      ),
    );
  });

  it('falls back on the tool named by origin when nothing tells the conventions apart', () => {
    const raw = '第一段\r\n第二段 😀 内容';
    const src = new SourcePositions(raw, false);
    // No names: NVivo's own convention (UTF-16, CR LF as two) is taken for an NVivo project.
    const at = raw.indexOf('内容');
    const { convention, ranges } = placeInSource(
      src,
      [{ start: at, end: at + 2, name: '' }],
      conventionsFor('NVivo 14', false),
    );
    expect(convention).toMatchObject({ unit: 'utf16', crlfAsOne: false });
    expect(raw.slice(ranges[0]!.start, ranges[0]!.end)).toBe('内容');
  });
});
