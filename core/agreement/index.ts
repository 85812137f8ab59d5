/**
 * Inter-coder agreement (issue 18): pure measures over coders' highlights, no I/O. The CLI
 * (`gloss agreement`) and the app's view call `computeAgreement`; the review uses `matchSegments`.
 */
export {
  codeTagIds,
  codeUnits,
  computeAgreement,
  prepareAgreement,
  type PreparedAgreement,
  type AgreementArticle,
  type AgreementCode,
  type AgreementCoder,
  type AgreementHighlight,
  type AgreementInput,
  type AgreementOptions,
  type AgreementResult,
  type CodeAgreement,
  type PairFigures,
  type UndefinedReason,
} from './compute-agreement.js';
export { agreementByArticle, type ArticleAgreement } from './article-breakdown.js';
export { reviewSegments, type ReviewSegment } from './review-segments.js';
export { agreementCsv, agreementCsvCells, agreementCsvHeader } from './agreement-csv.js';
export { buildContinuum, unitsOf, type Continuum, type Span, type Unit } from './continuum.js';
export {
  overallAlphaU,
  unitizingAlpha,
  unitizingAlphaNaive,
  type UnitizingAlpha,
} from './unitizing-alpha.js';
export { binaryAlpha, reliabilityAlpha, type AlphaMetric, type ReliabilityAlpha } from './nominal-alpha.js';
export {
  characterAgreement,
  cohenKappa,
  percentAgreement,
  type CharacterAgreement,
} from './character-agreement.js';
export {
  DEFAULT_OVERLAP,
  matchSegments,
  matchSegmentsNaive,
  type Segment,
  type SegmentMatch,
  type SegmentMatching,
} from './segment-matching.js';
