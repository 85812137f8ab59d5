/**
 * The Analysis area (issue 19): over the library list's articles (or the whole library, or a
 * saved set) and the chosen coders, four views (code frequencies, the article × code matrix,
 * co-occurrence, codes over time), each a chart with its table as the accessible alternative;
 * the table exports as CSV, the chart as SVG or PNG. A heat-map cell shows the segments behind it.
 * Figures come from the host (`analysisReport`); the last ones stay on screen, dimmed, while the
 * next come. Escape closes the segments, then the view.
 */
import { CONSENSUS_CODER_ID } from '../../coders/coder-types.js';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { analysisNoteText } from '../../analysis-note-text.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { Report, ReportKind, TimelineBy } from '../../../../core/api/analysis-contract.js';
import type { FrequencyMeasure, TimelineMeasure, TimelineStyle } from '../../../../core/charts/index.js';
import type { Tag } from '../../../../core/model.js';
import type { CoderSummary } from '../../coders/coder-types.js';
import { useAppState, useCoder } from '../../data/queries.js';
import { keys } from '../../data/query-keys.js';
import { errorText } from '../../error-text.js';
import { withPaneBoundary } from '../PaneErrorBoundary.js';
import { AnalysisChoices } from './AnalysisChoices.js';
import { scopeOf, type AnalysisChoice } from './analysis-scope.js';
import { ChartFigure, type CellKey } from './ChartFigure.js';
import { ExportStatus } from '../ExportStatus.js';
import { ReportTable } from './ReportTable.js';
import { SegmentsPanel } from './SegmentsPanel.js';
import { useAnalysisExport, type ReportRequest } from './use-analysis-export.js';
import { useSets } from './use-sets.js';
import './analysis.css';
import './charts.css';

interface AnalysisViewProps {
  api: GlossApi;
  tags: readonly Tag[];
  nativeDialogs: boolean;
  /** The articles the library list shows now (its filters and set). */
  listedIds: readonly string[];
  /** Articles in the library. */
  libraryCount: number;
  onOpenAt(articleId: string, annotationId: string): void;
  onClose(): void;
}

const KINDS: readonly ReportKind[] = ['frequencies', 'matrix', 'cooccurrence', 'timeline'];
const BY: readonly TimelineBy[] = ['day', 'week', 'month', 'year', 'source', 'category', 'folder'];

function defaultChoice(coders: readonly CoderSummary[]): AnalysisChoice {
  return { coderIds: coders.map((c) => c.id), articles: { kind: 'listed' }, foldToParents: false };
}

/** Nothing coded in the report: what to say instead of an empty chart. */
function isEmpty(report: Report): boolean {
  if (report.kind === 'cooccurrence') return !report.rows.some((r) => r.articles > 0);
  return report.rows.every((r) => r.highlights === 0);
}

function AnalysisViewContent(props: AnalysisViewProps) {
  const { api, tags, nativeDialogs, listedIds, libraryCount, onOpenAt, onClose } = props;
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const coders = useCoder(api).data?.coders ?? null;
  const sets = useSets(api).data?.sets ?? [];
  const [kind, setKind] = useState<ReportKind>('frequencies');
  const [by, setBy] = useState<TimelineBy>('month');
  const [frequencyMeasure, setFrequencyMeasure] = useState<FrequencyMeasure>('highlights');
  const [timelineStyle, setTimelineStyle] = useState<TimelineStyle>('bars');
  const [timelineMeasure, setTimelineMeasure] = useState<TimelineMeasure>('highlights');
  // A cell belongs to the report it was chosen in: another view or scope drops it.
  const [chosenCell, setChosenCell] = useState<{ report: string; cell: CellKey } | null>(null);
  const chartRef = useRef<SVGSVGElement | null>(null);
  const onChart = useCallback((svg: SVGSVGElement | null) => {
    chartRef.current = svg;
  }, []);
  const libraryName = useAppState(api).data?.library?.name ?? 'gloss';
  const exporter = useAnalysisExport(api, nativeDialogs, libraryName);
  useEffect(() => heading.current?.focus(), []);

  const [chosen, setChoice] = useState<AnalysisChoice | null>(null);
  const choice = chosen ?? (coders ? defaultChoice(coders) : null);
  const scope = choice ? scopeOf(choice, listedIds, libraryCount) : null;
  const request: ReportRequest | null = scope
    ? { kind, ...(kind === 'timeline' ? { by } : {}), scope }
    : null;
  const report = useQuery({
    queryKey: [...keys.highlightQueries, 'analysis', request],
    queryFn: () => api.analysisReport(request!),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const shown = request && report.data?.kind === kind ? report.data : null;
  const busy = request !== null && report.isFetching;
  const chartOptions = useMemo(
    () => ({ frequencyMeasure, timelineStyle, timelineMeasure }),
    [frequencyMeasure, timelineStyle, timelineMeasure],
  );
  const requestKey = JSON.stringify(request);
  const cell = chosenCell?.report === requestKey ? chosenCell.cell : null;
  const setCell = (next: CellKey | null) => setChosenCell(next && { report: requestKey, cell: next });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.stopPropagation();
    if (cell) setCell(null);
    else onClose();
  };

  const empty = shown && isEmpty(shown);
  return (
    <section
      className="agreement-view analysis-view"
      aria-labelledby="analysis-title"
      aria-busy={busy}
      data-testid="analysis-view"
      onKeyDown={onKeyDown}
    >
      <div className="highlights-header">
        <h2 id="analysis-title" ref={heading} tabIndex={-1}>
          {t('analysis.title')}
        </h2>
        {shown && (
          <span className="muted" data-testid="analysis-summary">
            {t('analysis.summary', { count: shown.articleCount })}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('analysis.close')}
        </button>
      </div>
      <div className="agreement-body">
        {coders && choice ? (
          <AnalysisChoices
            // The consensus coder's stored name is English; show it in the UI's language.
            coders={coders.map((c) =>
              c.id === CONSENSUS_CODER_ID ? { ...c, name: t('review.consensus') } : c,
            )}
            sets={sets}
            listedCount={listedIds.length}
            choice={choice}
            onChange={setChoice}
          />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        <div className="agreement-results analysis-results">
          <div role="tablist" aria-label={t('analysis.tabs')} className="analysis-tabs">
            {KINDS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`analysis-tab-${k}`}
                aria-selected={k === kind}
                aria-controls="analysis-panel"
                data-testid={`analysis-tab-${k}`}
                tabIndex={k === kind ? 0 : -1}
                onClick={() => setKind(k)}
                onKeyDown={(e) => {
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (!step) return;
                  const next = KINDS[(KINDS.indexOf(k) + step + KINDS.length) % KINDS.length]!;
                  setKind(next);
                  document.getElementById(`analysis-tab-${next}`)?.focus();
                }}
              >
                {t(`analysis.kinds.${k}`)}
              </button>
            ))}
          </div>
          <div
            id="analysis-panel"
            role="tabpanel"
            aria-labelledby={`analysis-tab-${kind}`}
            aria-live="polite"
          >
            <div className="analysis-options">
              {kind === 'frequencies' && (
                <label>
                  {t('analysis.measure')}{' '}
                  <select
                    value={frequencyMeasure}
                    onChange={(e) => setFrequencyMeasure(e.target.value as FrequencyMeasure)}
                  >
                    <option value="highlights">{t('analysis.highlights')}</option>
                    <option value="articles">{t('analysis.articleCount')}</option>
                    <option value="characters">{t('analysis.characters')}</option>
                  </select>
                </label>
              )}
              {kind === 'timeline' && (
                <>
                  <label>
                    {t('analysis.by')}{' '}
                    <select
                      data-testid="analysis-by"
                      value={by}
                      onChange={(e) => setBy(e.target.value as TimelineBy)}
                    >
                      {BY.map((b) => (
                        <option key={b} value={b}>
                          {t(`analysis.byOptions.${b}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('analysis.chartStyle')}{' '}
                    <select
                      data-testid="analysis-style"
                      value={timelineStyle}
                      onChange={(e) => setTimelineStyle(e.target.value as TimelineStyle)}
                    >
                      <option value="bars">{t('analysis.bars')}</option>
                      <option value="lines">{t('analysis.lines')}</option>
                    </select>
                  </label>
                  <label>
                    {t('analysis.measure')}{' '}
                    <select
                      value={timelineMeasure}
                      onChange={(e) => setTimelineMeasure(e.target.value as TimelineMeasure)}
                    >
                      <option value="highlights">{t('analysis.highlights')}</option>
                      <option value="articles">{t('analysis.articleCount')}</option>
                    </select>
                  </label>
                </>
              )}
              <span className="spacer" />
              <button
                type="button"
                data-testid="analysis-export-csv"
                disabled={!request || exporter.state.kind === 'busy'}
                onClick={() => request && void exporter.csv(request)}
              >
                {t('analysis.exportCsv')}
              </button>
              <button
                type="button"
                data-testid="analysis-export-svg"
                disabled={!shown || !!empty || exporter.state.kind === 'busy'}
                onClick={() => chartRef.current && void exporter.svg(kind, chartRef.current)}
              >
                {t('analysis.exportSvg')}
              </button>
              <button
                type="button"
                data-testid="analysis-export-png"
                disabled={!shown || !!empty || exporter.state.kind === 'busy'}
                onClick={() => chartRef.current && void exporter.png(kind, chartRef.current)}
              >
                {t('analysis.exportPng')}
              </button>
            </div>
            <ExportStatus state={exporter.state} area="analysis" />
            {choice && choice.coderIds.length === 0 && (
              <p className="muted" data-testid="analysis-empty">
                {t('analysis.empty.noCoders')}
              </p>
            )}
            {choice && choice.coderIds.length > 0 && !scope && (
              <p className="muted" data-testid="analysis-empty">
                {t('analysis.empty.noArticles')}
              </p>
            )}
            {busy && (
              <div className="export-progress" data-testid="analysis-busy">
                <progress aria-label={t('analysis.computing')} />
                <span>{t('analysis.computing')}</span>
              </div>
            )}
            {request && report.error && (
              <p className="error-text" role="alert" data-testid="analysis-error">
                {errorText(t, i18n.language, report.error)}
              </p>
            )}
            {shown && (
              <div className={busy ? 'stale' : undefined}>
                {shown.notes.map((note) => (
                  <p key={note} className="warning">
                    {analysisNoteText(t, note)}
                  </p>
                ))}
                {shown.articleCount === 0 ? (
                  <p className="muted" data-testid="analysis-empty">
                    {t('analysis.empty.noArticles')}
                  </p>
                ) : empty ? (
                  <p className="muted" data-testid="analysis-empty">
                    {kind === 'cooccurrence' && shown.rows.length > 0
                      ? t('analysis.empty.noPairs')
                      : t('analysis.empty.noHighlights')}
                  </p>
                ) : (
                  <>
                    <ChartFigure
                      report={shown}
                      options={chartOptions}
                      onChart={onChart}
                      {...(kind === 'matrix' || kind === 'cooccurrence' ? { onCell: setCell } : {})}
                    />
                    {(kind === 'matrix' || kind === 'cooccurrence') && (
                      <p className="muted">{t('analysis.cellHint')}</p>
                    )}
                    {cell && choice && (
                      <SegmentsPanel
                        api={api}
                        report={shown}
                        cell={cell}
                        tags={tags}
                        coderIds={choice.coderIds}
                        foldToParents={choice.foldToParents}
                        articleIds={scope?.articleIds}
                        onOpenAt={onOpenAt}
                        onClose={() => setCell(null)}
                      />
                    )}
                    <h3>{t('analysis.table')}</h3>
                    <div className="table-scroll">
                      <ReportTable report={shown} selected={cell} onCell={setCell} />
                    </div>
                  </>
                )}
              </div>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

export const AnalysisView = withPaneBoundary(AnalysisViewContent, {
  pane: 'analysis',
  className: 'analysis-view',
  onClose: (props) => props.onClose,
});
