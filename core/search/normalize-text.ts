/**
 * Search normalisation that never changes string length: each UTF-16 unit maps to exactly one
 * unit (NFKC of that single character, lower-cased, when the result is one unit; whitespace and
 * U+3000 become a plain space). So full-width "ＡＢＣ１２３" matches "abc123", case is ignored, and
 * an offset in the normalised text IS the offset in the original: no offset map to keep.
 * Characters whose folding would change length (e.g. "ﬁ" → "fi") are left as they are.
 */

let table: Uint16Array | null = null;

function foldTable(): Uint16Array {
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

// ignoreBOM: a leading U+FEFF is text here, not a byte-order mark to drop.
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The normalised form of `s`; always `s.length` units long. */
export function normalizeForSearch(s: string): string {
  const t = foldTable();
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = t[s.charCodeAt(i)] as number;
  // TextDecoder replaces lone surrogates; copy them back so the length and offsets stay exact.
  const decoded = decoder.decode(out);
  if (decoded.length === s.length && !/[\ud800-\udfff]/.test(s)) return decoded;
  let r = '';
  for (let i = 0; i < out.length; i += 8192) r += String.fromCharCode(...out.subarray(i, i + 8192));
  return r;
}
