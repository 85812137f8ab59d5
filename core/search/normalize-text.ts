/**
 * Search normalisation that never changes string length: each UTF-16 unit maps to exactly one
 * unit (NFKC of that single character, lower-cased, when the result is one unit; whitespace and
 * U+3000 become a plain space). So full-width "ＡＢＣ１２３" matches "abc123", case is ignored, and
 * an offset in the normalised text IS the offset in the original: no offset map to keep.
 * Characters whose folding would change length (e.g. "ﬁ" → "fi") are left as they are, and so are
 * surrogate halves (paired or lone), so the mapping is context-free and strictly 1:1 per unit.
 */

let table: Uint16Array | null = null;

/** The unit-to-unit folding table (65,536 entries, built once). */
export function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves stay as they are
    const s = String.fromCharCode(c);
    if (/\s/.test(s) || c === 0x3000) {
      t[c] = 0x20;
      continue;
    }
    const folded = s.normalize('NFKC').toLowerCase();
    if (folded.length === 1) t[c] = folded.charCodeAt(0);
  }
  table = t;
  return t;
}

const PIECE = 8192;

/**
 * The normalised form of `s`; always `s.length` units long, unit for unit (lone surrogates too).
 * Built in pieces with String.fromCharCode: no TextDecoder, which replaced lone surrogates and
 * failed outright on very long input.
 */
export function normalizeForSearch(s: string): string {
  const t = foldTable();
  const n = s.length;
  const buf = new Uint16Array(Math.min(n, PIECE));
  let r = '';
  for (let i = 0; i < n; i += PIECE) {
    const m = Math.min(PIECE, n - i);
    for (let k = 0; k < m; k++) buf[k] = t[s.charCodeAt(i + k)] as number;
    r += String.fromCharCode.apply(null, buf.subarray(0, m) as unknown as number[]);
  }
  return r;
}
