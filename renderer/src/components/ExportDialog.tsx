/**
 * Export and import of highlights (File ▸ Export…, the toolbar, Ctrl/Cmd+E): a modal with two
 * tabs. This module is the dialog itself (opening, closing, the tabs, Tab kept inside); the tabs'
 * content lives in components/export/. Both tabs share one busy state and one error line, shown
 * in the UI language. Escape closes.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../core/model.js';
import type { CoderSummary } from '../coders/coder-types.js';
import type { GlossApi } from '../../../core/api/contract.js';
import type { CurrentFilter } from '../export/export-settings.js';
import { useDialogTask } from '../hooks/use-dialog-task.js';
import { useFocusTrap } from '../hooks/use-focus-trap.js';
import { ExportPanel } from './export/ExportPanel.js';
import { ImportPanel, type ImportedFile } from './export/ImportPanel.js';
import { useExportForm } from './export/use-export-form.js';
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
  /** Every folder of the library (ancestors included), for the export's own folder filter. */
  folders: readonly string[];
  /** The library's coders, and those the layer shows (null: all): the export's coder filter. */
  coders: readonly CoderSummary[];
  initialCoders: readonly string[] | null;
  articleTitle(id: string): string | null;
  initialTab?: ExportTab;
  /** After any import that went through: the app reloads what it shows. */
  onImported(): void;
  onClose(): void;
}

const TABS = ['export', 'import'] as const;

function ExportDialogContent(props: ExportDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const trapTab = useFocusTrap(dialog);
  const ids = useId();
  const [tab, setTab] = useState<ExportTab>(props.initialTab ?? 'export');
  const task = useDialogTask<ExportTab>();
  const { tagsById } = props;
  const knownTag = useCallback((id: string) => tagsById.has(id), [tagsById]);
  const form = useExportForm(
    props.article,
    props.filter,
    props.coders.map((c) => c.id),
    props.initialCoders,
    knownTag,
  );
  const [imported, setImported] = useState<ImportedFile | null>(null);
  /** The open tab's main button: Ctrl+E, Enter exports with the last settings. */
  const mainButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    mainButton.current?.focus();
  }, []);

  const close = () => dialog.current?.close();
  const switchTab = (next: ExportTab) => {
    setTab(next);
    task.clearError();
  };
  const panelId = (name: ExportTab) => `${ids}-panel-${name}`;
  const tabId = (name: ExportTab) => `${ids}-tab-${name}`;

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      data-testid="export-dialog"
      aria-labelledby={`${ids}-title`}
      aria-busy={task.busy !== null}
      onClose={props.onClose}
      onKeyDown={trapTab}
    >
      <header className="dialog-header">
        <h2 id={`${ids}-title`}>{t('exporter.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={close} aria-label={t('editor.close')} title={t('editor.close')}>
          ×
        </button>
      </header>
      <div className="export-tabs" role="tablist" aria-label={t('exporter.title')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={tabId(name)}
            aria-selected={tab === name}
            aria-controls={panelId(name)}
            tabIndex={tab === name ? 0 : -1}
            data-testid={`export-tab-${name}`}
            onClick={() => switchTab(name)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                const other = name === 'export' ? 'import' : 'export';
                switchTab(other);
                document.getElementById(tabId(other))?.focus();
              }
            }}
          >
            {t(`exporter.tab.${name}`)}
          </button>
        ))}
      </div>

      {tab === 'export' ? (
        <ExportPanel
          api={props.api}
          nativeDialogs={props.nativeDialogs}
          article={props.article}
          filter={props.filter}
          tagsById={props.tagsById}
          coders={props.coders}
          folders={props.folders}
          form={form}
          task={task}
          panelId={panelId('export')}
          tabId={tabId('export')}
          runButton={mainButton}
          onClose={close}
        />
      ) : (
        <ImportPanel
          api={props.api}
          nativeDialogs={props.nativeDialogs}
          task={task}
          imported={imported}
          onReport={setImported}
          articleTitle={props.articleTitle}
          onImported={props.onImported}
          panelId={panelId('import')}
          tabId={tabId('import')}
          chooseButton={mainButton}
          onClose={close}
        />
      )}
    </dialog>
  );
}

export const ExportDialog = withPaneBoundary(ExportDialogContent, {
  pane: 'export',
  className: 'pane-error-dialog',
  onClose: (props) => props.onClose,
});
