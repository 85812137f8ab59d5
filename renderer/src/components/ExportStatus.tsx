/** What the last export of a view (agreement, analysis) did: saved, downloaded, cancelled or failed. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../error-text.js';
import type { ExportState } from './agreement/use-agreement-export.js';

/** `area` names the view's strings (`<area>.saved`, …) and test id (`<area>-export-result`). */
export function ExportStatus({ state, area }: { state: ExportState; area: 'agreement' | 'analysis' }) {
  const { t, i18n } = useTranslation();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'busy':
      return <p className="muted">{t(`${area}.exporting`)}</p>;
    case 'saved':
      return <p data-testid={`${area}-export-result`}>{t(`${area}.saved`, { path: state.path })}</p>;
    case 'downloaded':
      return (
        <p data-testid={`${area}-export-result`}>{t(`${area}.downloaded`, { fileName: state.fileName })}</p>
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
