/**
 * Says when highlights cannot be saved (a read-only folder, a codebook from a newer Gloss) and
 * which store files had problems and what Gloss did about them, so nothing fails silently. Each
 * problem leads with its kind in the UI language (the host's message keeps the details); those of
 * a shared library (a sync tool's conflict copy, a codebook edited at once, a file still arriving)
 * also say what to do. For a
 * read-only library it says that its highlights are shown read-only with what is saved now kept
 * in the app's data on top; once the folder can be written again it offers to move those in.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../data/query-keys.js';
import { useTranslation } from 'react-i18next';
import type { FallbackMoveReport, StoreStatus } from '../../../core/api/annotation-contract.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { errorText } from '../error-text.js';

/** Problems of a shared library (sync tools, several coders): each gets a word on what to do. */
const TEAM_PROBLEMS = ['conflict-copy', 'codebook-conflict', 'unreadable'] as const;
const isTeamProblem = (kind: string): kind is (typeof TEAM_PROBLEMS)[number] =>
  (TEAM_PROBLEMS as readonly string[]).includes(kind);

export function StoreStatusBanner({
  api,
  libraryRoot,
  dataDir,
  dataDirFallback,
}: {
  api: GlossApi;
  libraryRoot: string;
  /** Where the highlights are kept; shown when it is not the library's own `.gloss` folder. */
  dataDir: string;
  dataDirFallback: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const [move, setMove] = useState<
    | { state: 'moving' }
    | { state: 'done'; report: FallbackMoveReport }
    | { state: 'failed'; message: string }
    | null
  >(null);
  // Asked again when another library opens or another window or process changed the store.
  const query = useQuery({
    queryKey: [...keys.storeProblems, libraryRoot],
    queryFn: () => api.getStoreProblems({}),
    meta: { quiet: true }, // the status is advisory; the operations themselves report their errors
  });
  const status: StoreStatus | null = query.data ?? null;

  const moveIn = () => {
    setMove({ state: 'moving' });
    api.moveFallbackIntoLibrary({}).then(
      (report) => {
        setMove({ state: 'done', report });
        void query.refetch();
      },
      (err: unknown) => setMove({ state: 'failed', message: errorText(t, i18n.language, err) }),
    );
  };

  const toMove = status?.fallbackToMove ?? null;
  const quiet = !status || (!status.readOnly && status.problems.length === 0 && !toMove);
  if (dismissed || (quiet && !dataDirFallback && !move)) return null;
  return (
    <div className="store-banner warning" role="alert" data-testid="store-status">
      {dataDirFallback &&
        (status?.readOnlyBelow ? (
          <strong data-testid="store-layered">
            {t('store.layered', { below: status.readOnlyBelow, path: dataDir })}
          </strong>
        ) : (
          <strong>{t('store.fallback', { path: dataDir })}</strong>
        ))}
      {toMove && move?.state !== 'done' && (
        <span data-testid="store-to-move">
          {t('store.toMove', { count: toMove.articles, path: toMove.dataDir })}{' '}
          <button type="button" onClick={moveIn} disabled={move?.state === 'moving'}>
            {move?.state === 'moving' ? t('store.moving') : t('store.move')}
          </button>
        </span>
      )}
      {move?.state === 'done' && (
        <span role="status" data-testid="store-moved">
          {t('store.moved', { ...move.report, path: move.report.keptAt })}
        </span>
      )}
      {move?.state === 'failed' && <span>{t('store.moveFailed', { message: move.message })}</span>}
      {status?.readOnly && <strong>{t('store.readOnly', { reason: status.readOnly })}</strong>}
      {status && status.problems.length > 0 && (
        <details>
          <summary>{t('store.problems', { count: status.problems.length })}</summary>
          <ul>
            {status.problems.map((p) => (
              <li key={`${p.kind}:${p.file}`} data-testid="store-problem" data-kind={p.kind}>
                <strong>{t(`store.kind.${p.kind}`, { defaultValue: p.kind })}</strong>
                {': '}
                {p.message}
                {p.movedTo && ` (${t('store.movedTo', { path: p.movedTo })})`}
                {isTeamProblem(p.kind) && <span className="problem-help">{t(`store.help.${p.kind}`)}</span>}
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
