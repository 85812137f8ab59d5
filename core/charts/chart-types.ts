/**
 * What every chart is drawn from: the rows of an analysis report (core/analysis/report-types.ts),
 * the codebook's colours, and the words to show, already in the UI language. The charts take only
 * the fields they draw.
 */
import type { CooccurrenceRow, FrequencyRow, MatrixRow, TimelineRow } from '../analysis/report-types.js';

export type FrequencyDatum = Pick<
  FrequencyRow,
  'tagPath' | 'coderId' | 'coderName' | 'highlights' | 'articles' | 'characters'
>;
export type MatrixDatum = Pick<MatrixRow, 'articleId' | 'title' | 'tagPath' | 'highlights'>;
export type CooccurrenceDatum = Pick<CooccurrenceRow, 'tagAPath' | 'tagBPath' | 'articles' | 'overlaps'>;
export type TimelineDatum = Pick<TimelineRow, 'period' | 'tagPath' | 'highlights' | 'articles'>;

/** The words a chart shows, in the UI language (the CLI passes English). */
export interface ChartWords {
  /** The chart as a whole, for screen readers (`aria-label` of the SVG). */
  title: string;
  highlights: string;
  articles: string;
  characters: string;
  /** Overlapping segment pairs (co-occurrence). */
  overlaps: string;
  /** The bucket of articles without a date. */
  undated: string;
  /** The bucket of articles without a source or category (timeline by those); `undated` if absent. */
  unnamed?: string;
  /** Said under a chart that shows fewer rows than the table (`{shown}` and `{total}` filled in). */
  truncated?: string;
}

export interface ChartOptions {
  /** The document the SVG is made in: `window.document` in the browser, a jsdom one in Node. */
  document: Document;
  /** Code path → `#rrggbb` from the codebook; a code without a valid colour gets a palette one. */
  colors: ReadonlyMap<string, string>;
  words: ChartWords;
  /** Width in CSS pixels (default 720). */
  width?: number;
}
