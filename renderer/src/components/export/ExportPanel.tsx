/**
 * The export tab: format, scope, CSV options, then one request. The desktop app saves through
 * the native dialog (and can show the file); the browser mode downloads it. An indeterminate bar
 * runs meanwhile.
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { CoderSummary } from '../../coders/coder-types.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import { downloadText } from '../../export/download.js';
import {
  EXPORT_FORMATS,
  exportInput,
  hasRowOptions,
  MAX_SCOPE_ARTICLES,
  type CurrentFilter,
} from '../../export/export-settings.js';
import type { DialogTask } from '../../hooks/use-dialog-task.js';
import { CsvOptions } from './CsvOptions.js';
import { ExportCoderChoice } from './ExportCoderChoice.js';
import { ExportCount, useExportCount } from './ExportCount.js';
import { ExportResult } from './ExportResult.js';
import { ExportScopeChoice } from './ExportScopeChoice.js';
import { FormatLossNote } from './FormatLossNote.js';
import type { ExportForm } from './use-export-form.js';

interface ExportPanelProps {
  api: GlossApi;
  nativeDialogs: boolean;
  article: { id: string; title: string } | null;
  filter: CurrentFilter | null;
  tagsById: ReadonlyMap<string, Tag>;
  coders: readonly CoderSummary[];
  /** Every folder of the library, for the dialog's own folder filter. */
  folders: readonly string[];
  form: ExportForm;
  task: DialogTask<'export' | 'import'>;
  /** The ids of this tab panel and its tab, for ARIA. */
  panelId: string;
  tabId: string;
  runButton: RefObject<HTMLButtonElement | null>;
  onClose(): void;
}

export function ExportPanel({
  api,
  nativeDialogs,
  article,
  filter,
  tagsById,
  coders,
  folders,
  form,
  task,
  panelId,
  tabId,
  runButton,
  onClose,
}: ExportPanelProps) {
  const { settings, update, outcome, tooManyIds, noCoders, reversedDates } = form;
  const { t } = useTranslation();
  const busy = task.busy;
  // The codebook alone (.qdc) does not depend on the scope.
  const scoped = settings.format !== 'qdc';
  const count = useExportCount(api, form.scope, form.coders, scoped && !tooManyIds);
  const nothing = scoped && (count.nothing || reversedDates);
  const blocked = tooManyIds || noCoders || nothing;
  // The formats of issue 20 have their words in the interop section.
  const interop = (format: string) => format === 'xlsx' || format === 'qdpx' || format === 'qdc';
  const formatLabel = (format: string) =>
    interop(format) ? t(`interop.formats.${format}`) : t(`exporter.formats.${format}`);
  const formatHint = (format: string) =>
    interop(format) ? t(`interop.formatHints.${format}`) : t(`exporter.formatHints.${format}`);

  const runExport = () =>
    task.run('export', async (alive) => {
      form.setOutcome(null);
      const input = exportInput(settings, form.scope, form.coders ?? undefined);
      if (nativeDialogs) {
        const saved = await api.exportAnnotationsToFile(input);
        if (!alive()) return;
        form.setOutcome(saved ? { kind: 'saved', ...saved, format: settings.format } : { kind: 'cancelled' });
      } else {
        const file = await api.exportAnnotations(input);
        if (!alive()) return;
        downloadText(file.fileName, file.content, file.mimeType, file.encoding);
        form.setOutcome({ kind: 'downloaded', fileName: file.fileName });
      }
    });

  const showInFolder = (path: string) => {
    api.showInFolder({ path }).then(() => undefined, task.fail);
  };

  return (
    <form
      className="export-body"
      id={panelId}
      role="tabpanel"
      aria-labelledby={tabId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && !blocked) void runExport();
      }}
    >
      <fieldset className="choice-group" disabled={busy !== null}>
        <legend>{t('exporter.format')}</legend>
        {EXPORT_FORMATS.map((format) => (
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
              <span className="choice-label">{formatLabel(format)}</span>
              <span className="choice-hint">{formatHint(format)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <FormatLossNote format={settings.format} />

      {settings.format !== 'qdc' && (
        <ExportScopeChoice
          article={article}
          filter={filter}
          filterActive={form.filterActive}
          tagsById={tagsById}
          scope={form.effectiveScope}
          disabled={busy !== null}
          onChoose={form.setScopeKind}
          chosen={form.chosen}
          folders={folders}
          onChange={form.choose}
        />
      )}

      {coders.length > 1 && settings.format !== 'qdc' && (
        <ExportCoderChoice
          coders={coders}
          chosen={form.coders}
          disabled={busy !== null}
          onChoose={form.chooseCoders}
        />
      )}

      {hasRowOptions(settings.format) && (
        <CsvOptions settings={settings} disabled={busy !== null} onChange={update} />
      )}

      {scoped && !reversedDates && !tooManyIds && <ExportCount count={count} />}

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
        {task.error && (
          <p className="error-text" role="alert" data-testid="export-error">
            {t('exporter.failed', { message: task.error })}
          </p>
        )}
        {outcome && <ExportResult outcome={outcome} onShowInFolder={showInFolder} />}
      </div>

      <footer className="dialog-footer">
        <button type="button" onClick={onClose}>
          {outcome && outcome.kind !== 'cancelled' ? t('exporter.close') : t('editor.cancel')}
        </button>
        <button
          ref={runButton}
          type="submit"
          className="primary"
          data-testid="export-run"
          disabled={busy !== null || blocked}
        >
          {busy === 'export'
            ? t('exporter.running')
            : nativeDialogs
              ? t('exporter.saveAs')
              : t('exporter.download')}
        </button>
      </footer>
    </form>
  );
}
