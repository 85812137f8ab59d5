/**
 * Code frequencies as horizontal bars, one per code in its codebook colour; with several coders,
 * one bar per coder inside each code's band (coders named on the right). The margins follow the
 * longest code and coder names, so long Chinese paths are not cut off.
 */
import * as Plot from '@observablehq/plot';
import type { ChartOptions, FrequencyDatum } from './chart-types.js';
import { codeColor, codeOrder } from './chart-colors.js';
import { countFormat, countTicks, fitLabel, widestLabel } from './label-size.js';
import { CHART_FONT_SIZE, renderPlot, type Chart } from './render-plot.js';

export type FrequencyMeasure = 'highlights' | 'articles' | 'characters';

export function frequencyChart(
  rows: readonly FrequencyDatum[],
  options: ChartOptions,
  measure: FrequencyMeasure = 'highlights',
): Chart {
  const width = options.width ?? 720;
  const codes = codeOrder(
    rows.map((r) => r.tagPath),
    options.colors,
  );
  const coders = [...new Set(rows.filter((r) => r.coderId !== null).map((r) => r.coderName ?? ''))];
  const split = coders.length > 1;
  // Each code's first row counts every coder together (coderId null); the others are per coder.
  const data = split ? everyCoderOfEveryCode(rows, codes, coders) : rows.filter((r) => r.coderId === null);
  const cap = Math.round(width * 0.4);
  const left = widestLabel(codes, CHART_FONT_SIZE, cap) + 14;
  const right = split ? widestLabel(coders, CHART_FONT_SIZE, Math.round(width * 0.2)) + 14 : 48;
  const bandHeight = split ? coders.length * 18 + 10 : 26;
  const label = (code: string) => fitLabel(code, cap, CHART_FONT_SIZE);
  const value = (r: FrequencyDatum) => r[measure];
  const tip = (r: FrequencyDatum) =>
    `${r.tagPath}${split ? ` · ${r.coderName}` : ''}\n${options.words.highlights}: ${r.highlights}\n${options.words.articles}: ${r.articles}\n${options.words.characters}: ${r.characters}`;
  const most = Math.max(1, ...data.map(value));
  const ticks = countTicks(most);
  const fill = (r: FrequencyDatum) => codeColor(r.tagPath, options.colors);

  const bars = split
    ? Plot.barX(data, { fy: 'tagPath', y: 'coderName', x: value, fill, title: tip })
    : Plot.barX(data, { y: 'tagPath', x: value, fill, title: tip });
  const counts = split
    ? Plot.text(data, { fy: 'tagPath', y: 'coderName', x: value, text: value, dx: 4, textAnchor: 'start' })
    : Plot.text(data, { y: 'tagPath', x: value, text: value, dx: 4, textAnchor: 'start' });

  const svg = renderPlot({
    document: options.document,
    ariaLabel: options.words.title,
    plot: {
      width,
      height: 40 + 30 + Math.max(1, codes.length) * bandHeight,
      marginLeft: left,
      marginRight: right,
      marginTop: 16,
      marginBottom: 40,
      // Room past the longest bar for its count.
      x: {
        label: options.words[measure],
        grid: true,
        domain: [0, most * 1.12],
        tickFormat: countFormat,
        ...(ticks ? { ticks } : {}),
      },
      ...(split
        ? {
            fy: { domain: codes, label: null, tickFormat: label, axis: 'left', padding: 0.12 },
            y: { domain: coders, label: null, axis: 'right', padding: 0.1 },
          }
        : { y: { domain: codes, label: null, tickFormat: label, padding: 0.2 } }),
      marks: [bars, counts, Plot.ruleX([0])],
    },
  });
  return { svg, note: null };
}

/**
 * The per-coder rows, with a zero row where a coder did not apply a code: Plot draws no band for
 * a code without rows, and its name would then fall below the axis.
 */
function everyCoderOfEveryCode(
  rows: readonly FrequencyDatum[],
  codes: readonly string[],
  coders: readonly string[],
): FrequencyDatum[] {
  const perCoder = rows.filter((r) => r.coderId !== null);
  const key = (code: string, coder: string) => JSON.stringify([code, coder]);
  const seen = new Set(perCoder.map((r) => key(r.tagPath, r.coderName ?? '')));
  const zeros = codes.flatMap((tagPath) =>
    coders
      .filter((coderName) => !seen.has(key(tagPath, coderName)))
      .map((coderName) => ({ tagPath, coderId: '', coderName, highlights: 0, articles: 0, characters: 0 })),
  );
  return [...perCoder, ...zeros];
}
