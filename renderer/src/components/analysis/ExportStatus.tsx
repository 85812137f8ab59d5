/** What the last export of the Analysis area did: saved, downloaded, cancelled or failed. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../error-text.js';
import type { ExportState } from './use-analysis-export.js';

export function ExportStatus({ state }: { state: ExportState }) {
  const { t, i18n } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'busy':
      return <p className="muted">{t('analysis.exporting')}</p>;
    case 'saved':
      return <p data-testid="analysis-export-result">{t('analysis.saved', { path: state.path })}</p>;
    case 'downloaded':
      return (
        <p data-testid="analysis-export-result">{t('analysis.downloaded', { fileName: state.fileName })}</p>
      );
    case 'cancelled':
      return <p className="muted">{t('exporter.cancelled')}</p>;
    case 'failed':
      return (
        <p className="error-text" role="alert">
          {t('exporter.failed', { message: errorText(t, i18n.language, state.error) })}
        </p>
      );
  }
}
