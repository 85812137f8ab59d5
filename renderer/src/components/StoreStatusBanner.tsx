/**
 * Says when highlights cannot be saved (a read-only folder, a codebook from a newer Gloss) and
 * which store files had problems and what Gloss did about them, so nothing fails silently.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../data/query-keys.js';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../core/api/annotation-contract.js';
import type { AppApi } from '../api/app-api.js';

export function StoreStatusBanner({
  api,
  libraryRoot,
  dataDir,
  dataDirFallback,
}: {
  api: AppApi;
  libraryRoot: string;
  /** Where the highlights are kept; shown when it is not the library's own `.gloss` folder. */
  dataDir: string;
  dataDirFallback: boolean;
}) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  // Asked again when another library opens or another window or process changed the store.
  const status: StoreStatus | null =
    useQuery({
      queryKey: [...keys.storeProblems, libraryRoot],
      queryFn: () => api.getStoreProblems({}),
      meta: { quiet: true }, // the status is advisory; the operations themselves report their errors
    }).data ?? null;

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
