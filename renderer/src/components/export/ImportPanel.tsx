/** The import tab: pick a Gloss JSON export, merge it into the library, show what happened. */
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../core/api/export-contract.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { DialogTask } from '../../hooks/use-dialog-task.js';
import { ImportReport } from './ImportReport.js';

export interface ImportedFile {
  fileName: string;
  summary: ImportSummary;
}

interface ImportPanelProps {
  api: GlossApi;
  task: DialogTask<'export' | 'import'>;
  /** The last import's report, held by the dialog so it outlives a visit to the export tab. */
  imported: ImportedFile | null;
  onReport(imported: ImportedFile | null): void;
  articleTitle(id: string): string | null;
  onImported(summary: ImportSummary): void;
  panelId: string;
  tabId: string;
  chooseButton: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

export function ImportPanel({
  api,
  task,
  imported,
  onReport,
  articleTitle,
  onImported,
  panelId,
  tabId,
  chooseButton,
  onClose,
}: ImportPanelProps) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);

  const runImport = (file: File) =>
    task.run('import', async (alive) => {
      onReport(null);
      const json = await file.text();
      if (!json.trim()) throw new Error(t('exporter.emptyFile'));
      const summary = await api.importAnnotations({ json });
      onImported(summary);
      if (alive()) onReport({ fileName: file.name, summary });
    });

  return (
    <div className="export-body" id={panelId} role="tabpanel" aria-labelledby={tabId}>
      <p className="import-intro">{t('exporter.importIntro')}</p>
      <div className="import-pick">
        <button
          ref={chooseButton}
          type="button"
          className="primary"
          data-testid="import-choose"
          disabled={task.busy !== null}
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
        {task.busy === 'import' && (
          <div className="export-progress" data-testid="import-progress">
            <progress aria-label={t('exporter.importing')} />
            <span>{t('exporter.importing')}</span>
          </div>
        )}
      </div>
      <div aria-live="polite">
        {task.error && (
          <p className="error-text" role="alert" data-testid="import-error">
            {t('exporter.importFailed', { message: task.error })}
          </p>
        )}
        {imported && (
          <ImportReport fileName={imported.fileName} summary={imported.summary} articleTitle={articleTitle} />
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" onClick={onClose}>
          {t('exporter.close')}
        </button>
      </footer>
    </div>
  );
}
