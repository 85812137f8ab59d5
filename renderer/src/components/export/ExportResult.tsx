/** What the last export did: saved (with "Show in folder"), downloaded, or cancelled. */
import { useTranslation } from 'react-i18next';
import { hasRowOptions, type ExportFormat } from '../../export/export-settings.js';
import type { ExportOutcome } from './use-export-form.js';

interface ExportResultProps {
  outcome: NonNullable<ExportOutcome>;
  onShowInFolder(path: string): void;
}

/** What the count of a saved export counts: rows, codes (a codebook) or highlights. */
function savedKey(format: ExportFormat): string {
  if (format === 'qdc') return 'interop.savedCodes';
  return hasRowOptions(format) ? 'exporter.savedRows' : 'exporter.savedHighlights';
}

export function ExportResult({ outcome, onShowInFolder }: ExportResultProps) {
  const { t } = useTranslation();
  return (
    <div className="export-result" role="status" data-testid="export-result">
      {outcome.kind === 'saved' && (
        <>
          <span className="result-text">
            {t(savedKey(outcome.format), { count: outcome.rows })}{' '}
            <span className="path" title={outcome.path}>
              {outcome.path}
            </span>
          </span>
          <button type="button" data-testid="show-in-folder" onClick={() => onShowInFolder(outcome.path)}>
            {t('exporter.showInFolder')}
          </button>
        </>
      )}
      {outcome.kind === 'downloaded' && (
        <span className="result-text">{t('exporter.downloaded', { fileName: outcome.fileName })}</span>
      )}
      {outcome.kind === 'cancelled' && <span className="result-text muted">{t('exporter.cancelled')}</span>}
    </div>
  );
}
