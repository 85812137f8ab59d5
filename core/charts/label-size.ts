/**
 * How wide a label will be, without measuring it: Plot does not size its margins to the tick
 * labels, and in Node (the CLI) there is no layout to measure with. East Asian wide characters
 * take a full em, others about six tenths of one; a little generous, so labels are not clipped.
 */

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** The estimated width of `text` in pixels at `fontSize`. */
export function labelWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += WIDE.test(ch) ? 1 : 0.62;
  return Math.ceil(ems * fontSize);
}

/** `text` cut (with an ellipsis) to fit in `maxWidth` pixels at `fontSize`. */
export function fitLabel(text: string, maxWidth: number, fontSize: number): string {
  if (labelWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let out = '';
  for (const ch of chars) {
    if (labelWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}

/** The widest of `labels` in pixels, at most `cap`. */
export function widestLabel(labels: Iterable<string>, fontSize: number, cap: number): number {
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, labelWidth(label, fontSize));
  return Math.min(widest, cap);
}

/** Axis ticks for counts: every whole number up to a small maximum, else Plot's own (whole) ticks. */
export function countTicks(max: number): number[] | undefined {
  if (max > 10) return undefined;
  return Array.from({ length: Math.max(1, Math.ceil(max)) + 1 }, (_, i) => i);
}

/** Counts are whole numbers: an axis never labels 0.5. */
export const countFormat = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : '');
