/** The anchoring API: pure functions shared by the main process, the CLI and the renderer. */
export { anchor, anchorAll, type AnchorResult, type AnchorSelectors } from './anchor.js';
export {
  CodePointIndex,
  rangeFromCodePoints,
  rangeToCodePoints,
  snapRangeToCodePoints,
  snapToCodePoint,
  splitsSurrogatePair,
} from './code-points.js';
export { CONTEXT_LENGTH, describeRange, type RangeSelectors } from './describe-range.js';
export { FUZZY_THRESHOLD, matchExactQuote, matchFuzzyQuote, type QuoteMatch } from './match-quote.js';
export { snapToSentence } from './snap-to-sentence.js';
export type { TextRange } from './text-range.js';
