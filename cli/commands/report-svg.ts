/**
 * `gloss report … --svg FILE`: the report's chart, drawn by core/charts in a jsdom document (the
 * same code the Analysis area draws with), written as a standalone SVG file.
 */
import { resolve } from 'node:path';
import type { Report } from '../../core/analysis/report-types.js';
import { loadJsdom } from '../../core/clean/load-jsdom.js';
import { ENGLISH_CHART_WORDS, reportChart, svgFileText } from '../../core/charts/index.js';
import { writeFileDurable } from '../../core/files/durable-write.js';

/** The chart's SVG text, and a note when the chart leaves rows out. */
export function reportSvg(report: Report, width = 800): { svg: string; note: string | null } {
  const { document } = new (loadJsdom().JSDOM)('<!doctype html>').window;
  const chart = reportChart(report, { document, words: ENGLISH_CHART_WORDS[report.kind], width });
  return { svg: svgFileText(chart.svg), note: chart.note };
}

/** Writes the chart to `file`; returns the note to tell the user, if any. */
export async function writeReportSvg(report: Report, file: string): Promise<string | null> {
  const { svg, note } = reportSvg(report);
  await writeFileDurable(resolve(file), svg);
  return note;
}
