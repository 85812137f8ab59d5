/**
 * Small pieces shared by the source-level guards that run before jsdom (limit-nesting.ts,
 * limit-elements.ts): a cheap count of start tags, htmlparser2 tokenizer callbacks they ignore,
 * and cutting ranges out of the source.
 */
/** Whether `html` has more than `limit` possible start tags ("<" and a letter). */
export function countsMoreTagsThan(html: string, limit: number): boolean {
  let count = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a && ++count > limit) return true;
  }
  return false;
}

/** Tokenizer callbacks for tokens the guards do not look at (they read tags only). */
export const IGNORE_TOKENS = {
  onattribdata() {},
  onattribentity() {},
  onattribend() {},
  onattribname() {},
  oncdata() {},
  oncomment() {},
  ondeclaration() {},
  onend() {},
  onprocessinginstruction() {},
  ontext() {},
  ontextentity() {},
};

/**
 * `html` without the [start, end) ranges in `cuts` (pairs, in order, not overlapping), each
 * replaced by the matching entry of `replacements` (nothing when absent).
 */
export function spliceRanges(
  html: string,
  cuts: readonly number[],
  replacements: readonly string[] = [],
): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push(html.slice(from, cuts[i]), replacements[i / 2] ?? '');
    from = cuts[i + 1]!;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
