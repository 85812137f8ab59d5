/**
 * A report's chart on the page: drawn by core/charts in a document of its own (so Plot's
 * `<style>` never touches the page, whose CSP would refuse it), then moved into the page without
 * it. Redrawn when the report, the options or the width change. `onChart` gets the SVG for export;
 * `onCell` a click on a heat-map cell (the table offers the same to the keyboard).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../core/api/analysis-contract.js';
import { reportChart, type ChartWords, type ReportChartOptions } from '../../../../core/charts/index.js';

export interface CellKey {
  row: string;
  column: string;
}

interface ChartFigureProps {
  report: Report;
  options: Pick<ReportChartOptions, 'frequencyMeasure' | 'timelineStyle' | 'timelineMeasure'>;
  onChart(svg: SVGSVGElement | null): void;
  onCell?(cell: CellKey): void;
}

export function useChartWords(kind: Report['kind']): ChartWords {
  const { t } = useTranslation();
  return {
    title: t(`analysis.chartTitles.${kind}`),
    highlights: t('analysis.highlights'),
    articles: t('analysis.articleCount'),
    characters: t('analysis.characters'),
    overlaps: t('analysis.overlaps'),
    undated: t('analysis.undated'),
    unnamed: t('analysis.unnamed'),
    truncated: t('analysis.truncated'),
  };
}

export function ChartFigure({ report, options, onChart, onCell }: ChartFigureProps) {
  const box = useRef<HTMLDivElement>(null);
  const words = useChartWords(report.kind);
  const [width, setWidth] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const wordsKey = JSON.stringify(words);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth / 40) * 40));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || width === 0) return;
    const inert = document.implementation.createHTMLDocument('');
    const chart = reportChart(report, { ...options, document: inert, words, width: Math.max(360, width) });
    const svg = document.importNode(chart.svg, true);
    el.replaceChildren(svg);
    setNote(chart.note);
    onChart(svg);
    return () => onChart(null);
    // `words` is compared by its text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    report,
    options.frequencyMeasure,
    options.timelineStyle,
    options.timelineMeasure,
    width,
    wordsKey,
    onChart,
  ]);

  const click = (e: React.MouseEvent) => {
    const target = (e.target as Element).closest('[data-row][data-column]');
    if (target && onCell)
      onCell({ row: target.getAttribute('data-row')!, column: target.getAttribute('data-column')! });
  };

  return (
    <figure className="analysis-chart" data-testid="analysis-chart">
      {/* The table below is the chart's accessible alternative; a click here is a shortcut. */}
      <div ref={box} className={`chart-box${onCell ? ' clickable' : ''}`} onClick={click} />
      {note && <figcaption className="muted">{note}</figcaption>}
    </figure>
  );
}
