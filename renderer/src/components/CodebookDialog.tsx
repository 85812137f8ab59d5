/**
 * The codebook manager: the tag tree with counts on the left, the chosen tag's name, colour,
 * coding rule (description) and parent on the right; merge and delete ask first and say how many
 * highlights they touch. Every change can be undone (Ctrl+Z). CSV import/export of the codebook.
 * This module is the dialog and its header; the parts live in components/codebook/.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../core/api/contract.js';
import { tagRows, withDescendants } from '../coding/tag-tree.js';
import { usedWithSubTags } from '../coding/tag-usage.js';
import type { Coding } from '../coding/use-coding.js';
import { downloadText } from '../export/download.js';
import { ConfirmTagChange, type TagChange } from './codebook/ConfirmTagChange.js';
import { NewTagForm } from './codebook/NewTagForm.js';
import { TagDetail } from './codebook/TagDetail.js';
import { TagList } from './codebook/TagList.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

interface CodebookDialogProps {
  api: GlossApi;
  coding: Coding;
  onClose(): void;
  onError(err: unknown): void;
}

function CodebookDialogContent({ api, coding, onClose, onError }: CodebookDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { tags, counts } = coding;
  const rows = useMemo(() => tagRows(tags), [tags]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<TagChange | null>(null);
  const [mergeTarget, setMergeTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const selected = tags.find((tag) => tag.id === selectedId) ?? null;
  const below = selected ? withDescendants(tags, selected.id) : new Set<string>();
  const total = (id: string) => usedWithSubTags(tags, counts, id);

  const exportCsv = () => {
    api
      .exportCodebookCsv({})
      .then((r) => downloadText('codebook.csv', r.csv, 'text/csv;charset=utf-8'), onError);
  };

  const importCsv = async (file: File) => {
    try {
      const result = await api.importCodebookCsv({ csv: await file.text() });
      setMessage(
        [
          t('codebook.imported', { created: result.created, updated: result.updated }),
          ...result.skipped.map((reason) => t('codebook.skipped', { reason })),
        ].join('\n'),
      );
      coding.refreshTags();
    } catch (err) {
      onError(err);
    }
  };

  const confirmed = (c: TagChange) => {
    setConfirm(null);
    setSelectedId(c.kind === 'merge' ? c.target.id : null);
    if (c.kind === 'delete') void coding.deleteTag(c.tag.id);
    else void coding.mergeTags(c.tag.id, c.target.id);
  };

  return (
    <dialog
      ref={dialog}
      className="codebook-dialog"
      data-testid="codebook"
      aria-labelledby="codebook-title"
      onClose={onClose}
      onCancel={(e) => {
        // Escape while a question is open answers "no" instead of closing the codebook.
        if (confirm) {
          e.preventDefault();
          setConfirm(null);
        }
      }}
    >
      <header className="dialog-header">
        <h2 id="codebook-title">{t('codebook.title')}</h2>
        <span className="muted">{t('codebook.count', { count: tags.length })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('codebook.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importCsv(file);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={exportCsv}>
          {t('codebook.export')}
        </button>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('editor.close')}>
          ×
        </button>
      </header>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="codebook-body">
        <div className="codebook-tree">
          <NewTagForm rows={rows} onCreate={coding.createTag} onCreated={(tag) => setSelectedId(tag.id)} />
          {tags.length === 0 && <p className="muted">{t('codebook.empty')}</p>}
          <TagList rows={rows} counts={counts} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
        <div className="codebook-detail">
          {!selected && <p className="muted">{t('codebook.choose')}</p>}
          {selected && (
            <TagDetail
              key={selected.id}
              tag={selected}
              rows={rows.filter((r) => !below.has(r.tag.id))}
              used={counts.get(selected.id) ?? 0}
              usedWithSubTags={total(selected.id)}
              coding={coding}
              mergeTarget={mergeTarget}
              onMergeTarget={setMergeTarget}
              onAskDelete={() => setConfirm({ kind: 'delete', tag: selected })}
              onAskMerge={(target) => setConfirm({ kind: 'merge', tag: selected, target })}
            />
          )}
          {confirm && (
            <ConfirmTagChange
              change={confirm}
              highlights={total(confirm.tag.id)}
              subTags={withDescendants(tags, confirm.tag.id).size - 1}
              onConfirm={() => confirmed(confirm)}
              onCancel={() => setConfirm(null)}
            />
          )}
          <p className="muted small">{t('codebook.undoHint')}</p>
        </div>
      </div>
    </dialog>
  );
}

export const CodebookDialog = withPaneBoundary(CodebookDialogContent, {
  pane: 'codebook',
  className: 'pane-error-dialog',
  onClose: (props) => props.onClose,
});
