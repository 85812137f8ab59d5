/**
 * Says when highlights cannot be saved (a read-only folder, a codebook from a newer Gloss) and
 * which store files had problems and what Gloss did about them, so nothing fails silently.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../core/api/annotation-contract.js';
import type { GlossApi } from '../../../core/api/contract.js';

export function StoreStatusBanner({
  api,
  libraryRoot,
  dataDir,
  dataDirFallback,
  version,
}: {
  api: GlossApi;
  libraryRoot: string;
  /** Where the highlights are kept; shown when it is not the library's own `.gloss` folder. */
  dataDir: string;
  dataDirFallback: boolean;
  version: number;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.getStoreProblems({}).then(
      (s) => !cancelled && setStatus(s),
      () => undefined, // the status is advisory; the operations themselves report their errors
    );
    return () => {
      cancelled = true;
    };
  }, [api, libraryRoot, version]);

  const quiet = !status || (!status.readOnly && status.problems.length === 0);
  if (dismissed || (quiet && !dataDirFallback)) return null;
  return (
    <div className="store-banner warning" role="alert" data-testid="store-status">
      {dataDirFallback && <strong>{t('store.fallback', { path: dataDir })}</strong>}
      {status?.readOnly && <strong>{t('store.readOnly', { reason: status.readOnly })}</strong>}
      {status && status.problems.length > 0 && (
        <details>
          <summary>{t('store.problems', { count: status.problems.length })}</summary>
          <ul>
            {status.problems.map((p) => (
              <li key={`${p.kind}:${p.file}`}>
                {p.message}
                {p.movedTo && ` (${t('store.movedTo', { path: p.movedTo })})`}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" onClick={() => setDismissed(true)} aria-label={t('app.dismiss')}>
        ×
      </button>
    </div>
  );
}
