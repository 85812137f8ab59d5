/**
 * The agreement view (issue 18): choose coders, codes and articles; a table per code with every
 * measure, the overall alpha, marks against Krippendorff's thresholds, a code's per-article
 * breakdown, and the table as CSV. Figures are computed by the host (core/agreement) and asked for
 * again whenever a choice changes; the last table stays on screen, dimmed, while the next one comes.
 * Escape closes the view (or the breakdown first).
 */
import { CONSENSUS_CODER_ID } from '../../coders/coder-types.js';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ExportStatus } from '../ExportStatus.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { Tag } from '../../../../core/model.js';
import type { CoderSummary } from '../../coders/coder-types.js';
import { useCoder } from '../../data/queries.js';
import { keys } from '../../data/query-keys.js';
import { errorText } from '../../error-text.js';
import { withPaneBoundary } from '../PaneErrorBoundary.js';
import { AgreementChoices, type AgreementChoice } from './AgreementChoices.js';
import { AgreementLegend } from './AgreementLegend.js';
import { AgreementTable } from './AgreementTable.js';
import { ArticleBreakdown } from './ArticleBreakdown.js';
import { DisagreementReview, type ReviewRequest } from './DisagreementReview.js';
import type { UndoEntry } from '../../coding/undo-stack.js';
import type { ChosenSet } from '../../export/export-settings.js';
import './review.css';

import { useAgreementExport, type AgreementRequest } from './use-agreement-export.js';
import './agreement.css';

interface AgreementViewProps {
  api: GlossApi;
  tags: readonly Tag[];
  /** Every article's folder, to choose one. */
  folders: readonly string[];
  nativeDialogs: boolean;
  /** The articles the library list shows now (its filter). */
  listedIds: readonly string[];
  /** The set chosen in the library list: compared by default while it is chosen. */
  set?: ChosenSet;
  onOpenArticle(articleId: string): void;
  onClose(): void;
  /** The disagreement review's decisions go on the app's undo stack. */
  record(entry: UndoEntry): void;
  onUndo(): void;
}

/** The articles a choice names, by id ('listed', 'set'); null: the host's own choice (annotated, folder). */
function chosenIds(choice: AgreementChoice, listedIds: readonly string[], set?: ChosenSet) {
  if (choice.articles.kind === 'listed') return listedIds;
  if (choice.articles.kind === 'set') return set?.articleIds ?? [];
  return null;
}

function requestOf(choice: AgreementChoice, ids: readonly string[] | null): AgreementRequest {
  return {
    coders: [...choice.coderIds],
    ...(choice.tagIds.length > 0 ? { tagIds: [...choice.tagIds] } : {}),
    withChildren: choice.withChildren,
    ...(choice.articles.kind === 'folder' ? { folder: choice.articles.folder } : {}),
    ...(ids ? { articleIds: [...ids] } : {}),
  };
}

function defaultChoice(coders: readonly CoderSummary[], set?: ChosenSet): AgreementChoice {
  // The consensus is compared when chosen, never by default.
  const people = coders.filter((c) => c.id !== CONSENSUS_CODER_ID);
  const working = people.filter((c) => c.highlights > 0);
  const chosen = working.length >= 2 ? working : people;
  return {
    coderIds: chosen.map((c) => c.id),
    tagIds: [],
    withChildren: false,
    // A set is usually drawn to be double-coded: it is what to compare while it is chosen.
    articles: set ? { kind: 'set' } : { kind: 'annotated' },
  };
}

/** Every folder and the folders above it, '' (the whole library) first. */
function folderChoices(folders: readonly string[]): string[] {
  const all = new Set<string>(['']);
  for (const folder of folders) {
    const parts = folder.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  return [...all].sort((a, b) => a.localeCompare(b));
}

function AgreementViewContent({
  api,
  tags,
  folders,
  nativeDialogs,
  listedIds,
  set,
  onOpenArticle,
  onClose,
  record,
  onUndo,
}: AgreementViewProps) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const coders = useCoder(api).data?.coders ?? null;
  const [breakdownTagId, setBreakdownTagId] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const exporter = useAgreementExport(api, nativeDialogs);

  useEffect(() => heading.current?.focus(), []);
  // Until the user changes it: every coder who has highlights (all of them if fewer than two).
  const [chosen, setChoice] = useState<AgreementChoice | null>(null);
  const picked = chosen ?? (coders ? defaultChoice(coders, set) : null);
  // The set chosen before was cleared in the library list: back to the annotated articles.
  const choice: AgreementChoice | null =
    picked?.articles.kind === 'set' && !set ? { ...picked, articles: { kind: 'annotated' } } : picked;

  const ids = choice ? chosenIds(choice, listedIds, set) : null;
  const noneListed = ids !== null && ids.length === 0;
  const request = choice && choice.coderIds.length >= 2 && !noneListed ? requestOf(choice, ids) : null;
  const report = useQuery({
    queryKey: [...keys.highlightQueries, 'agreement', request],
    queryFn: () => api.computeAgreement(request!),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const result = request ? (report.data?.result ?? null) : null;
  const breakdownCode = result?.codes.find((c) => c.tag_id === breakdownTagId) ?? null;
  const breakdown = useQuery({
    queryKey: [...keys.highlightQueries, 'agreement', request, 'breakdown', breakdownTagId],
    queryFn: () => api.computeAgreement({ ...request!, breakdownTagId: breakdownTagId! }),
    enabled: request !== null && breakdownCode !== null,
    retry: false,
  });
  const folderList = useMemo(() => folderChoices(folders), [folders]);
  const busy = request !== null && report.isFetching;

  // Focus goes back to the code's name, so the keyboard stays in the view (and Escape then closes it).
  const closeBreakdown = () => {
    section.current?.querySelector<HTMLButtonElement>('.code-button[aria-pressed="true"]')?.focus();
    setBreakdownTagId(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || reviewing) return;
    e.stopPropagation();
    if (breakdownTagId) closeBreakdown();
    else onClose();
  };

  return (
    <section
      ref={section}
      className="agreement-view"
      aria-labelledby="agreement-title"
      aria-busy={busy}
      data-testid="agreement-view"
      onKeyDown={onKeyDown}
    >
      <div className="highlights-header">
        <h2 id="agreement-title" ref={heading} tabIndex={-1}>
          {t('agreement.title')}
        </h2>
        {result && (
          <span className="muted" data-testid="agreement-summary">
            {t('agreement.summary', {
              count: result.articles,
              characters: result.continuum.toLocaleString(i18n.language),
            })}
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          data-testid="agreement-review"
          disabled={!request || reviewing}
          title={t('review.openHint')}
          onClick={() => setReviewing(true)}
        >
          {t('review.open')}
        </button>
        <button
          type="button"
          data-testid="agreement-export"
          disabled={!request || exporter.state.kind === 'busy'}
          onClick={() => request && void exporter.run(request)}
        >
          {nativeDialogs ? t('agreement.exportSave') : t('agreement.exportDownload')}
        </button>
        <button type="button" onClick={onClose}>
          {t('agreement.close')}
        </button>
      </div>
      {reviewing && request && choice ? (
        <DisagreementReview
          api={api}
          coders={coders ?? []}
          initialCoders={[choice.coderIds[0]!, choice.coderIds[1]!]}
          tagIds={choice.tagIds}
          initialTagId={breakdownTagId}
          request={reviewRequestOf(request)}
          tagPath={(id) =>
            result?.codes.find((c) => c.tag_id === id)?.tag_path ?? tags.find((x) => x.id === id)?.name ?? id
          }
          record={record}
          undo={onUndo}
          onClose={() => {
            setReviewing(false);
            heading.current?.focus();
          }}
        />
      ) : (
        <div className="agreement-body">
          {coders && choice ? (
            <AgreementChoices
              listedCount={listedIds.length}
              set={set}
              coders={coders.map((c) =>
                c.id === CONSENSUS_CODER_ID ? { ...c, name: t('review.consensus') } : c,
              )}
              tags={tags}
              folders={folderList}
              choice={choice}
              onChange={setChoice}
            />
          ) : (
            <p className="muted">{t('app.loading')}</p>
          )}
          <div className="agreement-results" aria-live="polite">
            <ExportStatus state={exporter.state} area="agreement" />
            {coders && coders.length < 2 ? (
              <p className="muted" data-testid="agreement-need-coders">
                {t('agreement.needCodersInLibrary')}
              </p>
            ) : noneListed ? (
              <p className="muted" data-testid="agreement-no-articles">
                {t('agreement.noArticlesListed')}
              </p>
            ) : choice && !request ? (
              <p className="muted" data-testid="agreement-need-coders">
                {t('agreement.chooseTwo')}
              </p>
            ) : null}
            {busy && (
              <div className="export-progress" data-testid="agreement-busy">
                <progress aria-label={t('agreement.computing')} />
                <span>{t('agreement.computing')}</span>
              </div>
            )}
            {request && report.error && (
              <p className="error-text" role="alert" data-testid="agreement-error">
                {errorText(t, i18n.language, report.error)}
              </p>
            )}
            {result && (
              <div className={busy ? 'stale' : undefined}>
                {result.articles === 0 && (
                  <p className="muted" data-testid="agreement-no-articles">
                    {choice?.articles.kind === 'folder'
                      ? t('agreement.noArticlesInFolder')
                      : choice?.articles.kind === 'listed' || choice?.articles.kind === 'set'
                        ? t('agreement.noArticlesListed')
                        : t('agreement.noArticles')}
                  </p>
                )}
                <AgreementLegend />
                {result.codes.length === 0 ? (
                  <p className="muted">{t('agreement.noCodes')}</p>
                ) : (
                  <AgreementTable
                    result={result}
                    selectedTagId={breakdownTagId}
                    onSelect={(id) => setBreakdownTagId((current) => (current === id ? null : id))}
                  />
                )}
                {breakdownCode && (
                  <ArticleBreakdown
                    code={breakdownCode.tag_path}
                    coders={result.coders}
                    articles={breakdown.data?.breakdown?.articles ?? null}
                    onOpenArticle={onOpenArticle}
                    onClose={closeBreakdown}
                  />
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** The review asks for the same articles as the table (its coders and codes are its own). */
function reviewRequestOf(request: AgreementRequest): ReviewRequest {
  const { coders: _coders, tagIds: _tagIds, bom: _bom, ...rest } = request;
  return rest;
}

export const AgreementView = withPaneBoundary(AgreementViewContent, {
  pane: 'agreement',
  className: 'agreement-view',
  onClose: (props) => props.onClose,
});
