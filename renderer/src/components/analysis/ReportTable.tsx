/**
 * A report as a table: the chart's accessible alternative and the figures to read off. The matrix
 * is pivoted (articles as rows with title, date and source; codes as columns); its cells, and the
 * co-occurrence rows, are buttons that show the segments behind them. Long tables show their
 * first MAX_ROWS rows (the CSV has all).
 */
import { useTranslation } from 'react-i18next';
import type { MatrixRow, Report, ReportOf } from '../../../../core/api/analysis-contract.js';
import { colorsOf } from '../../../../core/charts/index.js';
import { formatDate } from '../../format-date.js';
import type { CellKey } from './ChartFigure.js';

export const MAX_ROWS = 500;

interface ReportTableProps {
  report: Report;
  selected: CellKey | null;
  onCell(cell: CellKey): void;
}

function Swatch({ color }: { color: string }) {
  // An SVG attribute, not a style: nothing for the CSP to refuse; colorsOf makes it #rrggbb.
  return (
    <svg className="code-swatch" width="10" height="10" aria-hidden="true">
      <rect width="10" height="10" fill={color} />
    </svg>
  );
}

/** The code's name with the colour the chart draws it in. */
function CodeName({ report, path }: { report: Report; path: string }) {
  const color = colorsOf(report.tags).get(path) ?? '#999999';
  return (
    <span className="code-name">
      <Swatch color={color} />
      {path}
    </span>
  );
}

function TruncatedNote({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return (
    <p className="muted">
      {t('analysis.truncated').replace('{shown}', String(shown)).replace('{total}', String(total))}
    </p>
  );
}

function FrequencyTable({ report }: { report: ReportOf<'frequencies'> }) {
  const { t } = useTranslation();
  return (
    <table className="analysis-table" data-testid="analysis-table">
      <thead>
        <tr>
          <th scope="col">{t('analysis.columns.code')}</th>
          <th scope="col">{t('analysis.columns.coder')}</th>
          <th scope="col">{t('analysis.highlights')}</th>
          <th scope="col">{t('analysis.articleCount')}</th>
          <th scope="col">{t('analysis.characters')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={`${r.tagId}:${r.coderId ?? ''}`} className={r.coderId === null ? 'total-row' : undefined}>
            <th scope="row">{r.coderId === null && <CodeName report={report} path={r.tagPath} />}</th>
            <td>{r.coderId === null ? t('analysis.columns.allCoders') : r.coderName}</td>
            <td className="number">{r.highlights}</td>
            <td className="number">{r.articles}</td>
            <td className="number">{r.characters}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MatrixTable({ report, selected, onCell }: ReportTableProps & { report: ReportOf<'matrix'> }) {
  const { t, i18n } = useTranslation();
  const codes = report.tags.filter((tag) => report.rows.some((r) => r.tagPath === tag.path));
  const articles = new Map<string, { row: MatrixRow; cells: Map<string, number> }>();
  for (const r of report.rows) {
    const entry = articles.get(r.articleId) ?? { row: r, cells: new Map<string, number>() };
    entry.cells.set(r.tagPath, r.highlights);
    articles.set(r.articleId, entry);
  }
  const rows = [...articles.values()];
  return (
    <>
      <table className="analysis-table matrix" data-testid="analysis-table">
        <thead>
          <tr>
            <th scope="col">{t('analysis.columns.article')}</th>
            <th scope="col">{t('analysis.columns.date')}</th>
            <th scope="col">{t('analysis.columns.source')}</th>
            {codes.map((c) => (
              <th scope="col" key={c.id}>
                <CodeName report={report} path={c.path} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map(({ row, cells }) => (
            <tr key={row.articleId}>
              <th scope="row" title={row.articlePath}>
                {row.title || row.articlePath}
              </th>
              <td>{row.date ? formatDate(row.date, i18n.language) : ''}</td>
              <td>{row.source ?? ''}</td>
              {codes.map((c) => {
                const n = cells.get(c.path) ?? 0;
                const pressed = selected?.row === row.articleId && selected.column === c.path;
                return (
                  <td key={c.id} className="number">
                    {n > 0 ? (
                      <button
                        type="button"
                        className="cell-button"
                        data-testid="matrix-cell"
                        aria-pressed={pressed}
                        aria-label={`${row.title} × ${c.path}: ${n}`}
                        onClick={() => onCell({ row: row.articleId, column: c.path })}
                      >
                        {n}
                      </button>
                    ) : (
                      ''
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <TruncatedNote shown={Math.min(MAX_ROWS, rows.length)} total={rows.length} />
    </>
  );
}

function CooccurrenceTable({
  report,
  selected,
  onCell,
}: ReportTableProps & { report: ReportOf<'cooccurrence'> }) {
  const { t } = useTranslation();
  return (
    <table className="analysis-table" data-testid="analysis-table">
      <thead>
        <tr>
          <th scope="col">{t('analysis.columns.codeA')}</th>
          <th scope="col">{t('analysis.columns.codeB')}</th>
          <th scope="col">{t('analysis.articleCount')}</th>
          <th scope="col">{t('analysis.overlaps')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={`${r.tagA}:${r.tagB}`}>
            <th scope="row">
              <CodeName report={report} path={r.tagAPath} />
            </th>
            <td>
              <CodeName report={report} path={r.tagBPath} />
            </td>
            <td className="number">{r.articles}</td>
            <td className="number">
              <button
                type="button"
                className="cell-button"
                data-testid="cooccurrence-cell"
                aria-pressed={selected?.row === r.tagAPath && selected.column === r.tagBPath}
                aria-label={`${r.tagAPath} × ${r.tagBPath}: ${r.overlaps}`}
                onClick={() => onCell({ row: r.tagAPath, column: r.tagBPath })}
              >
                {r.overlaps}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TimelineTable({ report }: { report: ReportOf<'timeline'> }) {
  const { t } = useTranslation();
  const undated = ['day', 'week', 'month', 'year'].includes(report.by)
    ? t('analysis.undated')
    : t('analysis.unnamed');
  return (
    <>
      <table className="analysis-table" data-testid="analysis-table">
        <thead>
          <tr>
            <th scope="col">{t('analysis.columns.period')}</th>
            <th scope="col">{t('analysis.columns.code')}</th>
            <th scope="col">{t('analysis.highlights')}</th>
            <th scope="col">{t('analysis.articleCount')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.slice(0, MAX_ROWS).map((r) => (
            <tr key={`${r.period ?? ''}:${r.tagId}`}>
              <th scope="row">{r.period || undated}</th>
              <td>
                <CodeName report={report} path={r.tagPath} />
              </td>
              <td className="number">{r.highlights}</td>
              <td className="number">{r.articles}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TruncatedNote shown={Math.min(MAX_ROWS, report.rows.length)} total={report.rows.length} />
    </>
  );
}

export function ReportTable(props: ReportTableProps) {
  const { report } = props;
  switch (report.kind) {
    case 'frequencies':
      return <FrequencyTable report={report} />;
    case 'matrix':
      return <MatrixTable {...props} report={report} />;
    case 'cooccurrence':
      return <CooccurrenceTable {...props} report={report} />;
    case 'timeline':
      return <TimelineTable report={report} />;
  }
}
