/**
 * The chart of a report, whatever its kind: the Analysis area and `gloss report --svg` both draw
 * through here, so the file the CLI writes is the chart the app shows.
 */
import type { Report } from '../analysis/report-types.js';
import type { ChartWords } from './chart-types.js';
import { colorsOf } from './chart-colors.js';
import { cooccurrenceChart } from './cooccurrence-chart.js';
import { frequencyChart, type FrequencyMeasure } from './frequency-chart.js';
import { matrixChart } from './matrix-chart.js';
import type { Chart } from './render-plot.js';
import { timelineChart, type TimelineMeasure, type TimelineStyle } from './timeline-chart.js';

export interface ReportChartOptions {
  document: Document;
  words: ChartWords;
  width?: number;
  /** Frequencies: which figure the bars show (default highlights). */
  frequencyMeasure?: FrequencyMeasure;
  /** Timeline: stacked bars or lines (default bars), of highlights or articles (default highlights). */
  timelineStyle?: TimelineStyle;
  timelineMeasure?: TimelineMeasure;
  /** Matrix: the most article rows drawn (default 60). */
  maxRows?: number;
}

export function reportChart(report: Report, options: ReportChartOptions): Chart {
  const base = {
    document: options.document,
    words: options.words,
    colors: colorsOf(report.tags),
    ...(options.width ? { width: options.width } : {}),
  };
  switch (report.kind) {
    case 'frequencies':
      return frequencyChart(report.rows, base, options.frequencyMeasure);
    case 'matrix':
      return matrixChart(report.rows, base, options.maxRows);
    case 'cooccurrence':
      return cooccurrenceChart(report.rows, base);
    case 'timeline': {
      const byDate = ['day', 'week', 'month', 'year'].includes(report.by);
      const words = byDate
        ? base.words
        : { ...base.words, undated: base.words.unnamed ?? base.words.undated };
      return timelineChart(report.rows, { ...base, words }, options.timelineStyle, options.timelineMeasure);
    }
  }
}

/** The words in English, for the command line. */
export const ENGLISH_CHART_WORDS: Record<Report['kind'], ChartWords> = Object.fromEntries(
  (
    [
      ['frequencies', 'Code frequencies'],
      ['matrix', 'Articles × codes'],
      ['cooccurrence', 'Code co-occurrence'],
      ['timeline', 'Codes over time'],
    ] as const
  ).map(([kind, title]) => [
    kind,
    {
      title,
      highlights: 'Highlights',
      articles: 'Articles',
      characters: 'Characters',
      overlaps: 'Overlapping pairs',
      undated: 'No date',
      unnamed: '(none)',
      truncated: 'The first {shown} of {total} articles; the table lists all.',
    },
  ]),
) as Record<Report['kind'], ChartWords>;
