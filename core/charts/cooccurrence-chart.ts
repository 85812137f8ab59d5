/**
 * Code co-occurrence as a symmetric heat map: code × code, each cell the number of articles where
 * both codes occur (its shade) and, beside it, the number of overlapping segment pairs.
 */
import * as Plot from '@observablehq/plot';
import type { ChartOptions, CooccurrenceDatum } from './chart-types.js';
import { codeOrder, tint } from './chart-colors.js';
import { fitLabel, widestLabel } from './label-size.js';
import { rightRoom } from './matrix-chart.js';
import { CHART_FONT_SIZE, labelCells, renderPlot, type Chart } from './render-plot.js';

/** The cells' colour: the palette's blue, readable under dark and light text. */
const CELL_COLOR = '#56B4E9';
const ROTATE = 40;

export function cooccurrenceChart(rows: readonly CooccurrenceDatum[], options: ChartOptions): Chart {
  const width = options.width ?? 720;
  // Each pair once in the report; both halves of the square here, so a row reads across.
  const cells = rows.flatMap((r) =>
    r.tagAPath === r.tagBPath ? [r] : [r, { ...r, tagAPath: r.tagBPath, tagBPath: r.tagAPath }],
  );
  const data = cells.filter((r) => r.articles > 0 || r.overlaps > 0);
  const codes = codeOrder(
    cells.flatMap((r) => [r.tagAPath, r.tagBPath]),
    options.colors,
  );
  const cap = Math.min(180, Math.round(width * 0.35));
  const label = (c: string) => fitLabel(c, cap, CHART_FONT_SIZE);
  const left = widestLabel(codes, CHART_FONT_SIZE, cap) + 14;
  const top = Math.ceil(widestLabel(codes, CHART_FONT_SIZE, cap) * Math.sin((ROTATE * Math.PI) / 180)) + 24;
  const n = Math.max(1, codes.length);
  let cell = Math.max(34, Math.min(70, (width - left - 40) / n));
  const right = rightRoom(codes, cell, cap);
  cell = Math.max(34, Math.min(70, (width - left - right) / n));
  const words = options.words;
  const tip = (r: CooccurrenceDatum) =>
    `${r.tagAPath} × ${r.tagBPath}\n${words.articles}: ${r.articles}\n${words.overlaps}: ${r.overlaps}`;
  const most = Math.max(1, ...data.map((r) => r.articles));
  const text = (r: CooccurrenceDatum) =>
    r.overlaps > 0 ? `${r.articles} (${r.overlaps})` : String(r.articles);

  const svg = renderPlot({
    document: options.document,
    ariaLabel: words.title,
    plot: {
      width: Math.min(width, left + right + cell * n),
      height: top + 16 + cell * n,
      marginLeft: left,
      marginRight: right,
      marginTop: top,
      marginBottom: 12,
      x: { domain: codes, axis: 'top', label: null, tickRotate: -ROTATE, tickFormat: label, padding: 0.04 },
      y: { domain: codes, label: null, tickFormat: label, padding: 0.04 },
      marks: [
        Plot.cell(data, {
          x: 'tagAPath',
          y: 'tagBPath',
          fill: (r: CooccurrenceDatum) => tint(CELL_COLOR, 0.15 + (0.85 * r.articles) / most),
          title: tip,
        }),
        Plot.text(data, { x: 'tagAPath', y: 'tagBPath', text, fill: '#1f2328' }),
      ],
    },
  });
  labelCells(svg, data, (r) => [r.tagAPath, r.tagBPath]);
  return { svg, note: null };
}
