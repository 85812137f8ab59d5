/**
 * The one place a chart is drawn with Observable Plot: in the given document (the page's, or
 * jsdom's in Node), with Gloss's class, font and size, an `aria-label`, no inline styles (CSP),
 * and, when asked, a legend drawn inside the SVG so a saved chart still says which colour is which.
 */
import * as Plot from '@observablehq/plot';
import { labelWidth } from './label-size.js';
import { stripInlineStyles } from './strip-inline-styles.js';

export const CHART_CLASS = 'gloss-chart';
export const CHART_FONT_SIZE = 12;
/** The app's font stack, CJK faces named so Chinese labels render in a saved SVG too. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LegendItem {
  label: string;
  color: string;
}

/** A drawn chart, and a sentence to show under it when it leaves rows out (else null). */
export interface Chart {
  svg: SVGSVGElement;
  note: string | null;
}

const LEGEND_ROW = 20;
const SWATCH = 12;

/** Legend items placed in rows that fit `width`: their x, and how many rows it takes. */
function layoutLegend(items: readonly LegendItem[], width: number, left: number) {
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const w = SWATCH + 6 + labelWidth(item.label, CHART_FONT_SIZE) + 16;
    if (x + w > width && x > left) {
      row += 1;
      x = left;
    }
    placed.push({ item, x, row });
    x += w;
  }
  return { placed, rows: items.length === 0 ? 0 : row + 1 };
}

/** How much room a legend of `items` needs under a chart `width` wide. */
export function legendHeight(items: readonly LegendItem[], width: number, left: number): number {
  const { rows } = layoutLegend(items, width, left);
  return rows === 0 ? 0 : rows * LEGEND_ROW + 8;
}

function drawLegend(svg: SVGSVGElement, items: readonly LegendItem[], left: number, top: number) {
  const doc = svg.ownerDocument;
  const width = Number(svg.getAttribute('width'));
  const g = doc.createElementNS(SVG_NS, 'g');
  g.setAttribute('aria-label', 'legend');
  g.setAttribute('text-anchor', 'start');
  for (const { item, x, row } of layoutLegend(items, width, left).placed) {
    const y = top + row * LEGEND_ROW;
    const rect = doc.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of [
      ['x', x],
      ['y', y],
      ['width', SWATCH],
      ['height', SWATCH],
      ['fill', item.color],
    ] as const)
      rect.setAttribute(k, String(v));
    const text = doc.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + SWATCH + 6));
    text.setAttribute('y', String(y + SWATCH / 2));
    text.setAttribute('dy', '0.35em');
    text.textContent = item.label;
    g.append(rect, text);
  }
  svg.append(g);
}

export interface RenderInput {
  document: Document;
  ariaLabel: string;
  plot: Plot.PlotOptions;
  /** Drawn under the plot, from `left`; the plot's marginBottom must leave `legendHeight` for it. */
  legend?: { items: readonly LegendItem[]; left: number };
}

export function renderPlot({ document, ariaLabel, plot, legend }: RenderInput): SVGSVGElement {
  const node = Plot.plot({ ...plot, document, className: CHART_CLASS, ariaLabel, style: undefined });
  // Plot wraps the SVG in a <figure> only for titles and legends, which Gloss never asks it for.
  const svg = (node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg')) as SVGSVGElement;
  stripInlineStyles(svg);
  svg.setAttribute('font-family', CHART_FONT);
  svg.setAttribute('font-size', String(CHART_FONT_SIZE));
  svg.setAttribute('role', 'img');
  if (legend && legend.items.length > 0) {
    const height = Number(svg.getAttribute('height'));
    const width = Number(svg.getAttribute('width'));
    drawLegend(svg, legend.items, legend.left, height - legendHeight(legend.items, width, legend.left) + 4);
  }
  return svg;
}

/**
 * Names each cell of a heat map by its row and column (`data-row`, `data-column`), so a click on
 * it can be answered. Plot draws one rect per datum, in order.
 */
export function labelCells<T>(svg: SVGSVGElement, data: readonly T[], key: (d: T) => [string, string]): void {
  const rects = svg.querySelectorAll('g[aria-label="cell"] rect');
  if (rects.length !== data.length) return;
  rects.forEach((rect, i) => {
    const [row, column] = key(data[i]!);
    rect.setAttribute('data-row', row);
    rect.setAttribute('data-column', column);
  });
}
