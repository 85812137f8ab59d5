/**
 * Export and import of highlights (File ▸ Export…, the toolbar, Ctrl/Cmd+E).
 * Export: format (CSV, W3C JSON, Markdown), scope (library, open article, current filter), the CSV
 * options (layout, context, BOM); the desktop app saves through the native dialog and can show the
 * file, the browser mode downloads it. Import: a Gloss JSON export, merged into the library, with
 * a readable summary of what happened. The export is one request: an indeterminate bar runs
 * meanwhile. Escape closes; Tab stays in the dialog.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportSummary } from '../../../core/api/export-contract.js';
import type { Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { downloadText } from '../export/download.js';
import {
  clampContext,
  exportInput,
  isFilterActive,
  loadSettings,
  MAX_SCOPE_ARTICLES,
  saveSettings,
  scopeOfFilter,
  type CurrentFilter,
  type ExportScope,
  type ExportSettings,
} from '../export/export-settings.js';
import { useFocusTrap } from '../hooks/use-focus-trap.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

export type ExportTab = 'export' | 'import';

interface ExportDialogProps {
  api: GlossApi;
  /** Desktop: save with the native dialog; browser: download. */
  nativeDialogs: boolean;
  /** The open article, for the "current article" scope. */
  article: { id: string; title: string } | null;
  /** The filter of the list on screen (library list or all-highlights view). */
  filter: CurrentFilter | null;
  tagsById: ReadonlyMap<string, Tag>;
  articleTitle(id: string): string | null;
  initialTab?: ExportTab;
  onImported(summary: ImportSummary): void;
  onClose(): void;
}

type ScopeKind = 'library' | 'article' | 'filter';

type Outcome =
  | { kind: 'saved'; path: string; rows: number; format: ExportSettings['format'] }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' }
  | null;

const FORMATS = ['csv', 'json', 'md'] as const;

function ExportDialogContent(props: ExportDialogProps) {
  const { api, nativeDialogs, article, filter, tagsById } = props;
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const trapTab = useFocusTrap(dialog);
  const alive = useRef(true);
  const ids = useId();
  const [tab, setTab] = useState<ExportTab>(props.initialTab ?? 'export');
  const [settings, setSettings] = useState<ExportSettings>(loadSettings);
  const filterActive = isFilterActive(filter);
  const [scopeKind, setScopeKind] = useState<ScopeKind>(() =>
    filter?.source === 'highlights' && filterActive ? 'filter' : 'library',
  );
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<{ fileName: string; summary: ImportSummary } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    alive.current = true;
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    // Ctrl+E, Enter exports with the last settings; the import tab starts at its file picker.
    (runButton.current ?? chooseButton.current)?.focus();
    return () => {
      alive.current = false;
    };
  }, []);

  // A scope that no longer applies (the article was closed, the filter cleared) falls back.
  const effectiveScope: ScopeKind =
    (scopeKind === 'article' && !article) || (scopeKind === 'filter' && !filterActive)
      ? 'library'
      : scopeKind;

  const update = (patch: Partial<ExportSettings>) => {
    setSettings((s) => {
      const next = { ...s, ...patch };
      saveSettings(next);
      return next;
    });
    setOutcome(null);
  };

  const scope = useMemo<ExportScope>(() => {
    if (effectiveScope === 'article' && article) return { kind: 'article', articleId: article.id };
    if (effectiveScope === 'filter' && filter) return scopeOfFilter(filter);
    return { kind: 'library' };
  }, [effectiveScope, article, filter]);
  const tooManyIds = scope.kind === 'filter' && (scope.articleIds?.length ?? 0) > MAX_SCOPE_ARTICLES;

  const runExport = async () => {
    setBusy('export');
    setError(null);
    setOutcome(null);
    const input = exportInput(settings, scope);
    try {
      if (nativeDialogs) {
        const saved = await api.exportAnnotationsToFile(input);
        if (!alive.current) return;
        setOutcome(saved ? { kind: 'saved', ...saved, format: settings.format } : { kind: 'cancelled' });
      } else {
        const file = await api.exportAnnotations(input);
        if (!alive.current) return;
        downloadText(file.fileName, file.content, file.mimeType);
        setOutcome({ kind: 'downloaded', fileName: file.fileName });
      }
    } catch (err) {
      if (alive.current) setError(messageOf(err));
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const showInFolder = (path: string) => {
    api.showInFolder({ path }).then(
      () => undefined,
      (err: unknown) => alive.current && setError(messageOf(err)),
    );
  };

  const runImport = async (file: File) => {
    setBusy('import');
    setError(null);
    setImported(null);
    try {
      const json = await file.text();
      if (!json.trim()) throw new Error(t('exporter.emptyFile'));
      const summary = await api.importAnnotations({ json });
      props.onImported(summary);
      if (alive.current) setImported({ fileName: file.name, summary });
    } catch (err) {
      if (alive.current) setError(messageOf(err));
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const switchTab = (next: ExportTab) => {
    setTab(next);
    setError(null);
  };

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      data-testid="export-dialog"
      aria-labelledby={`${ids}-title`}
      aria-busy={busy !== null}
      onClose={props.onClose}
      onKeyDown={trapTab}
    >
      <header className="dialog-header">
        <h2 id={`${ids}-title`}>{t('exporter.title')}</h2>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          aria-label={t('editor.close')}
          title={t('editor.close')}
        >
          ×
        </button>
      </header>
      <div className="export-tabs" role="tablist" aria-label={t('exporter.title')}>
        {(['export', 'import'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${ids}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${ids}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            data-testid={`export-tab-${name}`}
            onClick={() => switchTab(name)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                const other = name === 'export' ? 'import' : 'export';
                switchTab(other);
                document.getElementById(`${ids}-tab-${other}`)?.focus();
              }
            }}
          >
            {t(`exporter.tab.${name}`)}
          </button>
        ))}
      </div>

      {tab === 'export' ? (
        <form
          className="export-body"
          id={`${ids}-panel-export`}
          role="tabpanel"
          aria-labelledby={`${ids}-tab-export`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && !tooManyIds) void runExport();
          }}
        >
          <fieldset className="choice-group" disabled={busy !== null}>
            <legend>{t('exporter.format')}</legend>
            {FORMATS.map((format) => (
              <label key={format} className="choice">
                <input
                  type="radio"
                  name="format"
                  value={format}
                  data-testid={`export-format-${format}`}
                  checked={settings.format === format}
                  onChange={() => update({ format })}
                />
                <span>
                  <span className="choice-label">{t(`exporter.formats.${format}`)}</span>
                  <span className="choice-hint">{t(`exporter.formatHints.${format}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>

          <fieldset className="choice-group" disabled={busy !== null}>
            <legend>{t('exporter.scope')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="scope"
                data-testid="export-scope-library"
                checked={effectiveScope === 'library'}
                onChange={() => setScopeKind('library')}
              />
              <span className="choice-label">{t('exporter.scopes.library')}</span>
            </label>
            <label className={`choice${article ? '' : ' unavailable'}`}>
              <input
                type="radio"
                name="scope"
                data-testid="export-scope-article"
                disabled={!article}
                checked={effectiveScope === 'article'}
                onChange={() => setScopeKind('article')}
              />
              <span>
                <span className="choice-label">{t('exporter.scopes.article')}</span>
                <span className="choice-hint" title={article?.title}>
                  {article ? article.title : t('exporter.noArticle')}
                </span>
              </span>
            </label>
            <label className={`choice${filterActive ? '' : ' unavailable'}`}>
              <input
                type="radio"
                name="scope"
                data-testid="export-scope-filter"
                disabled={!filterActive}
                checked={effectiveScope === 'filter'}
                onChange={() => setScopeKind('filter')}
              />
              <span>
                <span className="choice-label">
                  {filter?.source === 'highlights'
                    ? t('exporter.scopes.highlightsFilter')
                    : t('exporter.scopes.libraryFilter')}
                </span>
                <span className="choice-hint" data-testid="export-filter-description">
                  {filterActive ? describeFilter(filter, tagsById, t) : t('exporter.noFilter')}
                </span>
                {filterActive && filter.source === 'highlights' && filter.text && (
                  <span className="choice-hint warn-text">
                    {t(filter.tagId ? 'exporter.textFilterIgnored' : 'exporter.textFilterIgnoredAll', {
                      text: filter.text,
                    })}
                  </span>
                )}
              </span>
            </label>
          </fieldset>

          {settings.format === 'csv' && (
            <fieldset className="choice-group csv-options" disabled={busy !== null}>
              <legend>{t('exporter.csvOptions')}</legend>
              <div className="option-row" role="radiogroup" aria-label={t('exporter.layout')}>
                <span className="option-name">{t('exporter.layout')}</span>
                {(['wide', 'tidy'] as const).map((layout) => (
                  <label key={layout} className="choice inline" title={t(`exporter.layoutHints.${layout}`)}>
                    <input
                      type="radio"
                      name="layout"
                      data-testid={`export-layout-${layout}`}
                      checked={settings.layout === layout}
                      onChange={() => update({ layout })}
                    />
                    <span className="choice-label">{t(`exporter.layouts.${layout}`)}</span>
                  </label>
                ))}
              </div>
              <p className="choice-hint option-hint">{t(`exporter.layoutHints.${settings.layout}`)}</p>
              <div className="option-row" role="radiogroup" aria-label={t('exporter.context')}>
                <span className="option-name">{t('exporter.context')}</span>
                <label className="choice inline">
                  <input
                    type="radio"
                    name="context"
                    data-testid="export-context-chars"
                    checked={settings.contextKind === 'chars'}
                    onChange={() => update({ contextKind: 'chars' })}
                  />
                  <input
                    type="number"
                    className="context-chars"
                    min={0}
                    max={10000}
                    step={10}
                    aria-label={t('exporter.contextCharsLabel')}
                    data-testid="export-context-count"
                    value={settings.contextChars}
                    onFocus={() => settings.contextKind !== 'chars' && update({ contextKind: 'chars' })}
                    onChange={(e) =>
                      update({ contextKind: 'chars', contextChars: clampContext(e.target.valueAsNumber) })
                    }
                  />
                  <span className="choice-label">{t('exporter.contextChars')}</span>
                </label>
                <label className="choice inline">
                  <input
                    type="radio"
                    name="context"
                    data-testid="export-context-sentence"
                    checked={settings.contextKind === 'sentence'}
                    onChange={() => update({ contextKind: 'sentence' })}
                  />
                  <span className="choice-label">{t('exporter.contextSentence')}</span>
                </label>
              </div>
              <label className="choice">
                <input
                  type="checkbox"
                  data-testid="export-bom"
                  checked={settings.bom}
                  onChange={(e) => update({ bom: e.target.checked })}
                />
                <span>
                  <span className="choice-label">{t('exporter.bom')}</span>
                  <span className="choice-hint">{t('exporter.bomHint')}</span>
                </span>
              </label>
            </fieldset>
          )}

          <div className="export-status" aria-live="polite">
            {busy === 'export' && (
              <div className="export-progress" data-testid="export-progress">
                <progress aria-label={t('exporter.running')} />
                <span>{t('exporter.running')}</span>
              </div>
            )}
            {tooManyIds && (
              <p className="error-text" role="alert">
                {t('exporter.tooManyArticles', { max: MAX_SCOPE_ARTICLES.toLocaleString() })}
              </p>
            )}
            {error && (
              <p className="error-text" role="alert" data-testid="export-error">
                {t('exporter.failed', { message: error })}
              </p>
            )}
            {outcome && (
              <div className="export-result" role="status" data-testid="export-result">
                {outcome.kind === 'saved' && (
                  <>
                    <span className="result-text">
                      {t(outcome.format === 'csv' ? 'exporter.savedRows' : 'exporter.savedHighlights', {
                        count: outcome.rows,
                      })}{' '}
                      <span className="path" title={outcome.path}>
                        {outcome.path}
                      </span>
                    </span>
                    <button
                      type="button"
                      data-testid="show-in-folder"
                      onClick={() => showInFolder(outcome.path)}
                    >
                      {t('exporter.showInFolder')}
                    </button>
                  </>
                )}
                {outcome.kind === 'downloaded' && (
                  <span className="result-text">
                    {t('exporter.downloaded', { fileName: outcome.fileName })}
                  </span>
                )}
                {outcome.kind === 'cancelled' && (
                  <span className="result-text muted">{t('exporter.cancelled')}</span>
                )}
              </div>
            )}
          </div>

          <footer className="dialog-footer">
            <button type="button" onClick={() => dialog.current?.close()}>
              {outcome && outcome.kind !== 'cancelled' ? t('exporter.close') : t('editor.cancel')}
            </button>
            <button
              ref={runButton}
              type="submit"
              className="primary"
              data-testid="export-run"
              disabled={busy !== null || tooManyIds}
            >
              {busy === 'export'
                ? t('exporter.running')
                : nativeDialogs
                  ? t('exporter.saveAs')
                  : t('exporter.download')}
            </button>
          </footer>
        </form>
      ) : (
        <div
          className="export-body"
          id={`${ids}-panel-import`}
          role="tabpanel"
          aria-labelledby={`${ids}-tab-import`}
        >
          <p className="import-intro">{t('exporter.importIntro')}</p>
          <div className="import-pick">
            <button
              ref={chooseButton}
              type="button"
              className="primary"
              data-testid="import-choose"
              disabled={busy !== null}
              onClick={() => fileInput.current?.click()}
            >
              {t('exporter.importChoose')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              hidden
              data-testid="import-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void runImport(file);
                e.target.value = '';
              }}
            />
            {busy === 'import' && (
              <div className="export-progress" data-testid="import-progress">
                <progress aria-label={t('exporter.importing')} />
                <span>{t('exporter.importing')}</span>
              </div>
            )}
          </div>
          <div aria-live="polite">
            {error && (
              <p className="error-text" role="alert" data-testid="import-error">
                {t('exporter.importFailed', { message: error })}
              </p>
            )}
            {imported && (
              <ImportReport
                fileName={imported.fileName}
                summary={imported.summary}
                articleTitle={props.articleTitle}
              />
            )}
          </div>
          <footer className="dialog-footer">
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('exporter.close')}
            </button>
          </footer>
        </div>
      )}
    </dialog>
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function describeFilter(filter: CurrentFilter, tagsById: ReadonlyMap<string, Tag>, t: TFunction): string {
  const parts: string[] = [];
  if (filter.tagId) {
    const tag = tagsById.get(filter.tagId);
    parts.push(t('exporter.filterTag', { name: tag?.name ?? '?' }));
  }
  if (filter.source === 'library') {
    if (filter.folder) parts.push(t('exporter.filterFolder', { folder: filter.folder }));
    if (filter.category) parts.push(t('exporter.filterCategory', { category: filter.category }));
    if (filter.from || filter.to)
      parts.push(t('exporter.filterDates', { from: filter.from ?? '…', to: filter.to ?? '…' }));
    if (filter.hasAnnotations !== undefined)
      parts.push(t(filter.hasAnnotations ? 'exporter.filterHighlighted' : 'exporter.filterNotHighlighted'));
    parts.push(t('exporter.filterArticles', { count: filter.visibleIds.length }));
  }
  return parts.join(' · ');
}

/** Summary lines that ask the user to look when they are not zero. */
const ATTENTION = new Set(['conflicts', 'notPlaced', 'placedFuzzy']);

interface ImportReportProps {
  fileName: string;
  summary: ImportSummary;
  articleTitle(id: string): string | null;
}

/** What an import did, in words first, then the lists that need a look. */
function ImportReport({ fileName, summary: s, articleTitle }: ImportReportProps) {
  const { t } = useTranslation();
  const title = (id: string) => articleTitle(id) ?? t('exporter.report.unknownArticle', { id });
  const changed = s.added + s.updated;
  const counts: [key: string, value: number][] = [
    ['added', s.added],
    ['updated', s.updated],
    ['unchanged', s.unchanged],
    ['skipped', s.skipped],
    ['conflicts', s.conflicts.length],
    ['notPlaced', s.notPlaced.length],
    ['placedFuzzy', s.placedFuzzy],
    ['tagsCreated', s.tagsCreated.length],
    ['memosAdded', s.memosAdded],
  ];
  return (
    <section className="import-summary" data-testid="import-summary" aria-label={t('exporter.report.title')}>
      <p className="import-headline">
        {changed > 0 || s.tagsCreated.length > 0 || s.memosAdded > 0
          ? t('exporter.report.headline', { fileName, count: changed })
          : t('exporter.report.nothingNew', { fileName })}
      </p>
      <dl className="import-counts">
        {counts.map(([key, value]) => (
          <div
            key={key}
            className={value === 0 ? 'zero' : ATTENTION.has(key) ? 'attention' : undefined}
            data-testid={`import-${key}`}
          >
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
                  local: c.localModified.slice(0, 16).replace('T', ' '),
                  imported: c.importedModified.slice(0, 16).replace('T', ' '),
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

export const ExportDialog = withPaneBoundary(ExportDialogContent, {
  pane: 'export',
  className: 'pane-error-dialog',
  onClose: (props) => props.onClose,
});
