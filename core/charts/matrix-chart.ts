/**
 * The article × code matrix as a heat map: a row per article (its title), a column per code; a
 * cell is the code's colour, stronger the more highlights it holds, with the count written in it.
 * Long libraries show the first `maxRows` articles and say so (the table lists every one).
 */
import * as Plot from '@observablehq/plot';
import type { ChartOptions, MatrixDatum } from './chart-types.js';
import { codeColor, codeOrder, tint } from './chart-colors.js';
import { fitLabel, widestLabel } from './label-size.js';
import { CHART_FONT_SIZE, labelCells, renderPlot, type Chart } from './render-plot.js';

const ROTATE = 40;

/** Room right of the last column for code names turned up to the right, which run past it. */
export function rightRoom(codes: readonly string[], cellWidth: number, cap: number): number {
  const cos = Math.cos((ROTATE * Math.PI) / 180);
  let room = 24;
  codes.forEach((code, i) => {
    const reach = widestLabel([code], CHART_FONT_SIZE, cap) * cos - (codes.length - 1 - i + 0.5) * cellWidth;
    room = Math.max(room, Math.ceil(reach) + 12);
  });
  return room;
}

export function matrixChart(rows: readonly MatrixDatum[], options: ChartOptions, maxRows = 60): Chart {
  const width = options.width ?? 720;
  const articles = [...new Set(rows.map((r) => r.articleId))];
  const shown = new Set(articles.slice(0, maxRows));
  const data = rows.filter((r) => shown.has(r.articleId) && r.highlights > 0);
  const codes = codeOrder(
    data.map((r) => r.tagPath),
    options.colors,
  );
  const labels = new Map(rows.map((r) => [r.articleId, r.title || r.articleId]));
  const cap = Math.round(width * 0.38);
  const articleLabel = (path: string) => fitLabel(labels.get(path) ?? path, cap, CHART_FONT_SIZE);
  const codeCap = 180;
  const left = widestLabel([...shown].map(articleLabel), CHART_FONT_SIZE, cap) + 14;
  // Code names run up and to the right at ROTATE degrees: their height is their width × sin.
  const top =
    Math.ceil(widestLabel(codes, CHART_FONT_SIZE, codeCap) * Math.sin((ROTATE * Math.PI) / 180)) + 24;
  const n = Math.max(1, codes.length);
  let cellWidth = Math.max(28, Math.min(64, (width - left - 24) / n));
  const right = rightRoom(codes, cellWidth, codeCap);
  cellWidth = Math.max(28, Math.min(64, (width - left - right) / n));
  const plotWidth = Math.min(width, left + right + cellWidth * n);
  const most = Math.max(1, ...data.map((r) => r.highlights));
  const tip = (r: MatrixDatum) =>
    `${labels.get(r.articleId)}\n${r.tagPath}\n${options.words.highlights}: ${r.highlights}`;

  const svg = renderPlot({
    document: options.document,
    ariaLabel: options.words.title,
    plot: {
      width: plotWidth,
      height: top + 16 + Math.max(1, shown.size) * 22,
      marginLeft: left,
      marginRight: right,
      marginTop: top,
      marginBottom: 12,
      x: {
        domain: codes,
        axis: 'top',
        label: null,
        tickRotate: -ROTATE,
        tickFormat: (c: string) => fitLabel(c, codeCap, CHART_FONT_SIZE),
        padding: 0.06,
      },
      y: { domain: [...shown], label: null, tickFormat: articleLabel, padding: 0.06 },
      opacity: {
        type: 'linear',
        domain: [0, Math.max(1, ...data.map((r) => r.highlights))],
        range: [0.2, 1],
      },
      marks: [
        Plot.cell(data, {
          x: 'tagPath',
          y: 'articleId',
          fill: (r: MatrixDatum) =>
            tint(codeColor(r.tagPath, options.colors), 0.25 + (0.75 * r.highlights) / most),
          title: tip,
        }),
        Plot.text(data, { x: 'tagPath', y: 'articleId', text: 'highlights', fill: '#1f2328' }),
      ],
    },
  });
  labelCells(svg, data, (r) => [r.articleId, r.tagPath]);
  const note =
    articles.length > shown.size && options.words.truncated
      ? options.words.truncated
          .replace('{shown}', String(shown.size))
          .replace('{total}', String(articles.length))
      : null;
  return { svg, note };
}
