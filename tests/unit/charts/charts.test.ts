/**
 * The analysis charts, drawn in jsdom as the CLI draws them: no `<style>` element or `style`
 * attribute (the app's CSP would block them), an `aria-label`, the Chinese labels as text, the
 * codebook's colours (and never a colour that is not `#rrggbb`), margins that fit long labels,
 * and a saved SVG that carries its colours and font itself.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  ENGLISH_CHART_WORDS,
  reportChart,
  standaloneSvg,
  svgFileText,
  timelineChart,
} from '../../../core/charts/index.js';
import { colorsOf } from '../../../core/charts/chart-colors.js';
import { labelWidth } from '../../../core/charts/label-size.js';
import { LONG_CODE, REPORTS, TAGS, frequencies, matrix, timeline } from './chart-fixtures.js';

const { document } = new JSDOM('').window;
const draw = (report: (typeof REPORTS)[number], width = 720) =>
  reportChart(report, { document, words: ENGLISH_CHART_WORDS[report.kind], width });

const texts = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
const fills = (svg: Element) =>
  new Set([...svg.querySelectorAll('[fill]')].map((e) => e.getAttribute('fill')!.toUpperCase()));

describe.each(REPORTS.map((r) => [r.kind, r] as const))('the %s chart', (kind, report) => {
  const { svg } = draw(report);

  it('carries no <style> element and no style attribute', () => {
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.querySelector('[style]')).toBeNull();
    expect(svg.outerHTML).not.toMatch(/<style|style=/);
  });

  it('is an image with an aria-label naming it', () => {
    expect(svg.getAttribute('aria-label')).toBe(ENGLISH_CHART_WORDS[kind].title);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('class')).toBe('gloss-chart');
  });

  it('writes the Chinese code names as text, in a font with CJK faces', () => {
    expect(texts(svg).some((t) => t.includes('经济/增长'))).toBe(true);
    expect(svg.getAttribute('font-family')).toContain('Noto Sans CJK SC');
  });

  it('never puts a colour from the codebook file into the SVG unless it is #rrggbb', () => {
    expect(svg.outerHTML).not.toContain('url(');
    for (const fill of fills(svg)) expect(fill).toMatch(/^(#[0-9A-F]{6}|NONE|CURRENTCOLOR|WHITE)$/);
  });
});

describe('codebook colours', () => {
  it('fills each code with its own colour', () => {
    for (const report of [frequencies, timeline]) {
      const used = fills(draw(report).svg);
      for (const tag of TAGS.slice(0, 3)) expect(used, `${report.kind} ${tag.path}`).toContain(tag.color);
    }
  });

  it('shades a matrix cell from white towards its code’s colour, the fullest cell in the colour itself', () => {
    const { svg } = draw(matrix);
    const most = Math.max(...matrix.rows.map((r) => r.highlights));
    const full = matrix.rows.findIndex((r) => r.highlights === most);
    const least = matrix.rows.findIndex((r) => r.highlights === 1);
    const rects = [...svg.querySelectorAll('g[aria-label="cell"] rect')];
    expect(rects[full]!.getAttribute('fill')?.toUpperCase()).toBe(
      TAGS.find((t) => t.path === matrix.rows[full]!.tagPath)!.color,
    );
    // Lighter: every channel nearer white.
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const light = channels(rects[least]!.getAttribute('fill')!);
    const own = channels(TAGS.find((t) => t.path === matrix.rows[least]!.tagPath)!.color);
    light.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(own[i]!));
  });

  it('the timeline legend pairs each code with its colour', () => {
    const { svg } = draw(timeline);
    const legend = svg.querySelector('g[aria-label="legend"]')!;
    const items = [...legend.querySelectorAll('text')].map((t) => [
      t.textContent,
      t.previousElementSibling!.getAttribute('fill'),
    ]);
    expect(items).toContainEqual(['经济/增长', '#E69F00']);
    expect(items).toContainEqual([LONG_CODE, '#009E73']);
  });
});

describe('room for long labels', () => {
  it('the frequency chart leaves a left margin as wide as the longest code name', () => {
    const { svg } = draw(frequencies, 960);
    const barsStart = Math.min(
      ...[...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => Number(r.getAttribute('x'))),
    );
    expect(barsStart).toBeGreaterThanOrEqual(labelWidth(LONG_CODE, 12));
    expect(texts(svg)).toContain(LONG_CODE);
  });

  it('a narrow chart shortens a too-long code name rather than cutting it off', () => {
    const { svg } = draw(frequencies, 320);
    const shortened = texts(svg).find((t) => t.startsWith('非常长的') && t.endsWith('…'));
    expect(shortened).toBeDefined();
  });

  it('names coders on the right when several coded', () => {
    expect(texts(draw(frequencies).svg)).toEqual(expect.arrayContaining(['Alice', '鲍勃']));
  });

  it('draws a band, with its coders, for a code no coder applied (its name stays above the axis)', () => {
    const unused = { id: 't9', path: '未用的代码', color: '#CC79A7' };
    const zero = { tagId: 't9', tagPath: unused.path, coderId: null, coderName: null };
    const report = {
      ...frequencies,
      tags: [...TAGS, unused],
      rows: [...frequencies.rows, { ...zero, highlights: 0, articles: 0, characters: 0 }],
    };
    const { svg } = draw(report);
    // One band per code, each naming both coders.
    expect(texts(svg).filter((t) => t === 'Alice')).toHaveLength(TAGS.length + 1);
    expect(texts(svg)).toContain(unused.path);
  });
});

describe('the matrix', () => {
  it('labels rows with article titles and says when it shows only some articles', () => {
    const chart = reportChart(matrix, { document, words: ENGLISH_CHART_WORDS.matrix, maxRows: 5 });
    expect(texts(chart.svg).some((t) => t.startsWith('江澜省'))).toBe(true);
    expect(texts(chart.svg)).not.toContain('Article 6');
    expect(chart.note).toBe('The first 5 of 12 articles; the table lists all.');
    expect(draw(matrix).note).toBeNull();
  });

  it('writes each cell’s count in it', () => {
    const { svg } = draw(matrix);
    const counts = texts(svg.querySelector('g[aria-label="text"]')!).map(Number);
    expect(counts).toEqual(matrix.rows.map((r) => r.highlights));
  });
});

describe('the timeline', () => {
  it('puts undated articles last, under their own name', () => {
    const ticks = texts(draw(timeline).svg.querySelector('g[aria-label="x-axis tick label"]')!);
    expect(ticks.at(-1)).toBe('No date');
  });

  it('labels only some periods when there are too many to fit', () => {
    const ticks = texts(draw(timeline, 400).svg.querySelector('g[aria-label="x-axis tick label"]')!);
    expect(ticks.length).toBeLessThan(25);
    expect(ticks[0]).toBe('2024-01');
  });

  it('draws lines without joining undated articles to them', () => {
    const colors = colorsOf(timeline.tags);
    const { svg } = timelineChart(
      timeline.rows,
      { document, colors, words: ENGLISH_CHART_WORDS.timeline },
      'lines',
    );
    expect(svg.querySelectorAll('g[aria-label="line"] path')).toHaveLength(4);
    expect(svg.querySelectorAll('g[aria-label="dot"] circle').length).toBe(timeline.rows.length);
  });
});

describe('a saved chart', () => {
  it('spells out colours and font, on white, with no currentColor left', () => {
    const { svg } = draw(frequencies);
    const copy = standaloneSvg(svg);
    expect(copy.outerHTML).not.toContain('currentColor');
    expect(copy.firstElementChild?.getAttribute('fill')).toBe('#ffffff');
    // The chart on the page is untouched.
    expect(svg.outerHTML).toContain('currentColor');
  });

  it('is well-formed XML that keeps the Chinese text', () => {
    const text = svgFileText(draw(timeline).svg);
    const parsed = new JSDOM(text, { contentType: 'image/svg+xml' }).window.document;
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(parsed.documentElement.textContent).toContain('经济/增长');
    expect(text.startsWith('<?xml')).toBe(true);
  });
});

describe('heat-map cells', () => {
  it('name their article and code, so a click on one can open its segments', () => {
    const rects = [...draw(matrix).svg.querySelectorAll('rect[data-row]')];
    expect(rects).toHaveLength(matrix.rows.length);
    expect([rects[0]!.getAttribute('data-row'), rects[0]!.getAttribute('data-column')]).toEqual([
      matrix.rows[0]!.articleId,
      matrix.rows[0]!.tagPath,
    ]);
  });
});

describe('count axes', () => {
  it('label whole numbers only', () => {
    const few = { ...timeline, rows: timeline.rows.slice(0, 2).map((r) => ({ ...r, highlights: 1 })) };
    const ticks = texts(draw(few).svg.querySelector('g[aria-label="y-axis tick label"]')!);
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks.filter(Boolean)) expect(t).toMatch(/^\d+$/);
  });
});
