/** What an import did, in words first, then the lists that need a look. */
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../core/api/export-contract.js';
import {
  broughtAnything,
  changedCount,
  countClass,
  reportCounts,
  shortStamp,
} from '../../export/import-report-counts.js';

interface ImportReportProps {
  fileName: string;
  summary: ImportSummary;
  articleTitle(id: string): string | null;
}

export function ImportReport({ fileName, summary: s, articleTitle }: ImportReportProps) {
  const { t } = useTranslation();
  const title = (id: string) => articleTitle(id) ?? t('exporter.report.unknownArticle', { id });
  return (
    <section className="import-summary" data-testid="import-summary" aria-label={t('exporter.report.title')}>
      <p className="import-headline">
        {broughtAnything(s)
          ? t('exporter.report.headline', { fileName, count: changedCount(s) })
          : t('exporter.report.nothingNew', { fileName })}
      </p>
      <dl className="import-counts">
        {reportCounts(s).map(([key, value]) => (
          <div key={key} className={countClass(key, value)} data-testid={`import-${key}`}>
            <dt>{t(`exporter.report.${key}`)}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {s.tagsCreated.length > 0 && (
        <details open>
          <summary>{t('exporter.report.tagsCreatedList', { count: s.tagsCreated.length })}</summary>
          <ul className="import-list">
            {s.tagsCreated.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </details>
      )}
      {s.conflicts.length > 0 && (
        <details open>
          <summary>{t('exporter.report.conflictsList', { count: s.conflicts.length })}</summary>
          <p className="choice-hint">{t('exporter.report.conflictsHelp')}</p>
          <ul className="import-list">
            {s.conflicts.map((c) => (
              <li key={c.id}>
                <span className="import-article">{title(c.articleId)}</span>{' '}
                {t(c.kept === 'imported' ? 'exporter.report.keptImported' : 'exporter.report.keptLocal', {
                  local: shortStamp(c.localModified),
                  imported: shortStamp(c.importedModified),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.notPlaced.length > 0 && (
        <details open>
          <summary>{t('exporter.report.notPlacedList', { count: s.notPlaced.length })}</summary>
          <p className="choice-hint">{t('exporter.report.notPlacedHelp')}</p>
          <ul className="import-list">
            {s.notPlaced.map((n) => (
              <li key={n.id}>
                <span className="import-article">{title(n.articleId)}</span>{' '}
                <q className="import-quote">{n.quote}</q>{' '}
                <span className="muted">({t(`exporter.report.reason.${n.reason}`)})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.memoConflicts.length > 0 && (
        <details>
          <summary>{t('exporter.report.memoConflicts', { count: s.memoConflicts.length })}</summary>
          <ul className="import-list">
            {s.memoConflicts.map((id) => (
              <li key={id}>{title(id)}</li>
            ))}
          </ul>
        </details>
      )}
      {s.warnings.length > 0 && (
        <details open>
          <summary>{t('exporter.report.warnings', { count: s.warnings.length })}</summary>
          <ul className="import-list">
            {s.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
