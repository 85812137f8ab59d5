/**
 * Codes over time (or over sources, categories, folders): per code, highlights or articles in
 * each period, as stacked bars or as lines, in the codebook's colours with a legend drawn in the
 * SVG. Undated articles are a bar of their own at the end, named as such. With many periods only
 * every few are labelled, and labels turn when they would collide.
 */
import * as Plot from '@observablehq/plot';
import type { ChartOptions, TimelineDatum } from './chart-types.js';
import { codeColor, codeOrder } from './chart-colors.js';
import { countFormat, countTicks, fitLabel, widestLabel } from './label-size.js';
import { CHART_FONT_SIZE, legendHeight, renderPlot, type Chart } from './render-plot.js';
import { fillPeriods } from './fill-periods.js';

export type TimelineStyle = 'bars' | 'lines';
export type TimelineMeasure = 'highlights' | 'articles';

const LEFT = 56;
const ROTATE = 45;

/** Every period in order (gaps in time filled), the undated bucket (its label) last. */
function periodsOf(rows: readonly TimelineDatum[], undated: string): string[] {
  const dated = fillPeriods([...new Set(rows.map((r) => r.period).filter((p): p is string => !!p))].sort());
  return rows.some((r) => !r.period) ? [...dated, undated] : dated;
}

export function timelineChart(
  rows: readonly TimelineDatum[],
  options: ChartOptions,
  style: TimelineStyle = 'bars',
  measure: TimelineMeasure = 'highlights',
): Chart {
  const width = options.width ?? 720;
  const words = options.words;
  const data = rows.map((r) => ({ ...r, period: r.period || words.undated }));
  const periods = periodsOf(rows, words.undated);
  const dated = data.filter((r, i) => !!rows[i]!.period);
  const codes = codeOrder(
    data.map((r) => r.tagPath),
    options.colors,
  );
  const label = (p: string) => fitLabel(p, 160, CHART_FONT_SIZE);
  const plotWidth = width - LEFT - 20;
  const slot = plotWidth / Math.max(1, periods.length);
  const widest = widestLabel(periods.map(label), CHART_FONT_SIZE, 160);
  // Every `step`-th period is labelled so labels (turned if need be) keep apart.
  const rotate = widest + 6 > slot;
  const step = Math.max(1, Math.ceil((rotate ? CHART_FONT_SIZE * 1.6 : widest + 8) / slot));
  const ticks = periods.filter((_, i) => i % step === 0);
  const tickRoom = rotate ? Math.ceil(widest * Math.sin((ROTATE * Math.PI) / 180)) + 16 : 24;
  const items = codes.map((c) => ({ label: c, color: codeColor(c, options.colors) }));
  const legend = legendHeight(items, width, LEFT);
  const color = { domain: codes, range: items.map((i) => i.color) };
  // The highest bar (stacked: the sum of a period's codes) or line point.
  const totals = new Map<string, number>();
  for (const r of data) {
    const v = r[measure];
    totals.set(
      r.period,
      style === 'bars' ? (totals.get(r.period) ?? 0) + v : Math.max(totals.get(r.period) ?? 0, v),
    );
  }
  const top = Math.max(1, ...totals.values());
  const ticksY = countTicks(top);
  // Bars no wider than 56 px however few the periods.
  const barPadding = Math.min(0.9, Math.max(0.15, 1 - 56 / slot));
  const tip = (r: TimelineDatum) =>
    `${r.period} · ${r.tagPath}\n${words.highlights}: ${r.highlights}\n${words.articles}: ${r.articles}`;

  const marks =
    style === 'bars'
      ? [
          Plot.barY(data, { x: 'period', y: measure, fill: 'tagPath', title: tip, order: codes }),
          Plot.ruleY([0]),
        ]
      : [
          // Undated articles are no point in time: a dot, not joined to the line.
          Plot.lineY(dated, { x: 'period', y: measure, stroke: 'tagPath', strokeWidth: 2, z: 'tagPath' }),
          Plot.dot(data, { x: 'period', y: measure, fill: 'tagPath', r: 3, title: tip }),
          Plot.ruleY([0]),
        ];
  const svg = renderPlot({
    document: options.document,
    ariaLabel: words.title,
    legend: { items, left: LEFT },
    plot: {
      width,
      height: 300 + tickRoom + legend,
      marginLeft: LEFT,
      marginRight: 20,
      marginTop: 20,
      marginBottom: tickRoom + legend + 8,
      x: {
        domain: periods,
        label: null,
        ticks,
        tickFormat: label,
        ...(rotate ? { tickRotate: -ROTATE } : {}),
        ...(style === 'lines' ? { type: 'point' as const, padding: 0.5 } : { padding: barPadding }),
      },
      y: {
        label: words[measure],
        grid: true,
        domain: [0, top],
        tickFormat: countFormat,
        ...(ticksY ? { ticks: ticksY } : {}),
      },
      color,
      marks,
    },
  });
  return { svg, note: null };
}
