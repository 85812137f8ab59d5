/**
 * The import tab: a Gloss JSON export (merged into the library), a REFI-QDA project (.qdpx) or a
 * REFI-QDA codebook (.qdc); then what happened. The browser mode uploads the chosen file (JSON as
 * text, the others as base64 bytes); the desktop app opens .qdpx and .qdc with the native dialog,
 * so the host reads the file itself. An indeterminate bar runs meanwhile.
 */
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../core/api/export-contract.js';
import type { CodebookImportReport, ProjectImportReport } from '../../../../core/api/interop-contract.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import {
  fileAsBase64,
  IMPORT_ACCEPT,
  IMPORT_KINDS,
  importKindOf,
  type ImportKind,
} from '../../export/import-file-kind.js';
import type { DialogTask } from '../../hooks/use-dialog-task.js';
import { ImportReport } from './ImportReport.js';
import { CodebookReport, ProjectReport } from './InteropReport.js';

export type ImportedFile =
  | { kind: 'json'; fileName: string; summary: ImportSummary }
  | { kind: 'qdpx'; report: ProjectImportReport }
  | { kind: 'qdc'; report: CodebookImportReport };

interface ImportPanelProps {
  api: GlossApi;
  /** Desktop: .qdpx and .qdc are chosen with the native open dialog. */
  nativeDialogs: boolean;
  task: DialogTask<'export' | 'import'>;
  /** The last import's report, held by the dialog so it outlives a visit to the export tab. */
  imported: ImportedFile | null;
  onReport(imported: ImportedFile | null): void;
  articleTitle(id: string): string | null;
  onImported(): void;
  panelId: string;
  tabId: string;
  chooseButton: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

export function ImportPanel({
  api,
  nativeDialogs,
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
  const [reading, setReading] = useState<string | null>(null);

  /** An uploaded file (browser mode, and JSON on the desktop). */
  const importUpload = (file: File) =>
    task.run('import', async (alive) => {
      onReport(null);
      setReading(file.name);
      try {
        const kind = importKindOf(file.name);
        if (!kind) throw new Error(t('interop.import.unknownType', { fileName: file.name }));
        if (file.size === 0) throw new Error(t('exporter.emptyFile'));
        let done: ImportedFile;
        if (kind === 'json') {
          const json = await file.text();
          if (!json.trim()) throw new Error(t('exporter.emptyFile'));
          done = { kind, fileName: file.name, summary: await api.importAnnotations({ json }) };
        } else {
          const bytes = await fileAsBase64(file);
          const input = { bytes, fileName: file.name, dryRun: false };
          done =
            kind === 'qdpx'
              ? { kind, report: await api.importProject(input) }
              : { kind, report: await api.importCodebook(input) };
        }
        onImported();
        if (alive()) onReport(done);
      } finally {
        setReading(null);
      }
    });

  /** Desktop: the host's open dialog, then the host reads the file it was given. */
  const importPicked = (kind: 'qdpx' | 'qdc') =>
    task.run('import', async (alive) => {
      onReport(null);
      const picked = await api.pickInteropFile({ kind });
      if (!picked) return;
      setReading(picked.fileName);
      try {
        const input = { path: picked.path, dryRun: false };
        const done: ImportedFile =
          kind === 'qdpx'
            ? { kind, report: await api.importProject(input) }
            : { kind, report: await api.importCodebook(input) };
        onImported();
        if (alive()) onReport(done);
      } finally {
        setReading(null);
      }
    });

  const choose = (kind: ImportKind) => {
    if (nativeDialogs && kind !== 'json') {
      void importPicked(kind);
      return;
    }
    const input = fileInput.current;
    if (!input) return;
    // Set on the element itself: the picker opens now, before React would render a new value.
    input.accept = IMPORT_ACCEPT[kind];
    input.click();
  };

  return (
    <div className="export-body" id={panelId} role="tabpanel" aria-labelledby={tabId}>
      <p className="import-intro">{t('interop.import.intro')}</p>
      <div className="import-pick" role="group" aria-label={t('interop.import.chooseLabel')}>
        {IMPORT_KINDS.map((kind, i) => (
          <button
            key={kind}
            ref={i === 0 ? chooseButton : undefined}
            type="button"
            className={i === 0 ? 'primary' : undefined}
            data-testid={`import-choose-${kind}`}
            disabled={task.busy !== null}
            onClick={() => choose(kind)}
          >
            {t(`interop.import.choose.${kind}`)}
          </button>
        ))}
        <input
          ref={fileInput}
          type="file"
          accept={IMPORT_ACCEPT.json}
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importUpload(file);
            e.target.value = '';
          }}
        />
      </div>
      {task.busy === 'import' && (
        <div className="export-progress" data-testid="import-progress">
          <progress aria-label={t('exporter.importing')} />
          <span>
            {reading ? t('interop.import.reading', { fileName: reading }) : t('exporter.importing')}
          </span>
        </div>
      )}
      <div aria-live="polite">
        {task.error && (
          <p className="error-text" role="alert" data-testid="import-error">
            {t('exporter.importFailed', { message: task.error })}
          </p>
        )}
        {imported?.kind === 'json' && (
          <ImportReport fileName={imported.fileName} summary={imported.summary} articleTitle={articleTitle} />
        )}
        {imported?.kind === 'qdpx' && <ProjectReport report={imported.report} />}
        {imported?.kind === 'qdc' && <CodebookReport report={imported.report} />}
      </div>
      <footer className="dialog-footer">
        <button type="button" onClick={onClose}>
          {t('exporter.close')}
        </button>
      </footer>
    </div>
  );
}
