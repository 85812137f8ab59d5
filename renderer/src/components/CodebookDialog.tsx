/**
 * The codebook manager: the tag tree with counts on the left, the chosen tag's name, colour,
 * coding rule (description) and parent on the right; merge and delete ask first and say how many
 * highlights they touch. Every change can be undone (Ctrl+Z). CSV import/export of the codebook.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import type { Coding } from '../coding/use-coding.js';
import { OKABE_ITO } from '../coding/annotation-colors.js';
import { swatchStyle, tagColor } from '../coding/safe-color.js';
import { tagRows, withDescendants } from '../coding/tag-tree.js';
import { COLOR_NAMES } from './AnnotationEditor.js';
import { downloadText } from '../export/download.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

interface CodebookDialogProps {
  api: GlossApi;
  coding: Coding;
  onClose(): void;
  onError(err: unknown): void;
}

type Confirm = { kind: 'delete'; tag: Tag } | { kind: 'merge'; tag: Tag; target: Tag } | null;

function CodebookDialogContent({ api, coding, onClose, onError }: CodebookDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const { tags, counts } = coding;
  const rows = useMemo(() => tagRows(tags), [tags]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newParent, setNewParent] = useState('');
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [mergeTarget, setMergeTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const selected = tags.find((tag) => tag.id === selectedId) ?? null;
  const below = selected ? withDescendants(tags, selected.id) : new Set<string>();
  const total = (id: string) => [...withDescendants(tags, id)].reduce((n, x) => n + (counts.get(x) ?? 0), 0);

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    const tag = await coding.createTag({ name, parentId: newParent || null });
    if (tag) {
      setNewName('');
      setSelectedId(tag.id);
    }
  };

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

  return (
    <dialog
      ref={dialog}
      className="codebook-dialog"
      data-testid="codebook"
      aria-labelledby="codebook-title"
      onClose={onClose}
      onCancel={(e) => {
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
          <form className="new-tag" onSubmit={add}>
            <input
              data-testid="new-tag-name"
              aria-label={t('codebook.newTag')}
              placeholder={t('codebook.newTag')}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
            <select
              aria-label={t('codebook.parent')}
              value={newParent}
              onChange={(e) => setNewParent(e.target.value)}
            >
              <option value="">{t('codebook.topLevel')}</option>
              {rows.map((r) => (
                <option key={r.tag.id} value={r.tag.id}>
                  {r.path}
                </option>
              ))}
            </select>
            <button type="submit">{t('codebook.add')}</button>
          </form>
          {tags.length === 0 && <p className="muted">{t('codebook.empty')}</p>}
          <ul role="listbox" aria-label={t('codebook.title')} className="tag-tree">
            {rows.map((r, i) => (
              <li
                key={r.tag.id}
                role="option"
                aria-selected={r.tag.id === selectedId}
                tabIndex={r.tag.id === selectedId || (!selectedId && i === 0) ? 0 : -1}
                className={r.tag.id === selectedId ? 'selected' : undefined}
                style={{ paddingLeft: 8 + r.depth * 16 }}
                data-testid="codebook-tag"
                onClick={() => setSelectedId(r.tag.id)}
                onKeyDown={(e) => {
                  const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
                  if (step) {
                    e.preventDefault();
                    const next = rows[Math.min(rows.length - 1, Math.max(0, i + step))];
                    if (next) {
                      setSelectedId(next.tag.id);
                      const sibling =
                        step > 0
                          ? e.currentTarget.nextElementSibling
                          : e.currentTarget.previousElementSibling;
                      (sibling as HTMLElement | null)?.focus();
                    }
                  }
                  if (e.key === 'Enter' || e.key === ' ') setSelectedId(r.tag.id);
                }}
              >
                <span className="swatch" style={swatchStyle(tagColor(r.tag))} aria-hidden="true" />
                <span className="tag-name">{r.tag.name}</span>
                {i < 9 && (
                  <kbd className="tag-key" title={t('codebook.keyHint', { key: i + 1 })}>
                    {i + 1}
                  </kbd>
                )}
                <span
                  className="tag-count"
                  title={t('codebook.usedBy', { count: counts.get(r.tag.id) ?? 0 })}
                >
                  {counts.get(r.tag.id) ?? 0}
                </span>
              </li>
            ))}
          </ul>
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
            <div className="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm">
              <p id="confirm-text">
                {confirm.kind === 'delete'
                  ? t('codebook.confirmDelete', {
                      name: confirm.tag.name,
                      count: total(confirm.tag.id),
                      subTags: withDescendants(tags, confirm.tag.id).size - 1,
                    })
                  : t('codebook.confirmMerge', {
                      name: confirm.tag.name,
                      target: confirm.target.name,
                      count: total(confirm.tag.id),
                    })}
              </p>
              <button
                type="button"
                className="danger"
                autoFocus
                data-testid="confirm-yes"
                onClick={() => {
                  const c = confirm;
                  setConfirm(null);
                  setSelectedId(c.kind === 'merge' ? c.target.id : null);
                  if (c.kind === 'delete') void coding.deleteTag(c.tag.id);
                  else void coding.mergeTags(c.tag.id, c.target.id);
                }}
              >
                {confirm.kind === 'delete' ? t('codebook.delete') : t('codebook.merge')}
              </button>
              <button type="button" onClick={() => setConfirm(null)}>
                {t('editor.cancel')}
              </button>
            </div>
          )}
          <p className="muted small">{t('codebook.undoHint')}</p>
        </div>
      </div>
    </dialog>
  );
}

interface TagDetailProps {
  tag: Tag;
  /** Tags that may become its parent or merge target (not itself or below it). */
  rows: ReturnType<typeof tagRows>;
  used: number;
  usedWithSubTags: number;
  coding: Coding;
  mergeTarget: string;
  onMergeTarget(id: string): void;
  onAskDelete(): void;
  onAskMerge(target: Tag): void;
}

function TagDetail({
  tag,
  rows,
  used,
  usedWithSubTags,
  coding,
  mergeTarget,
  onMergeTarget,
  onAskDelete,
  onAskMerge,
}: TagDetailProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [description, setDescription] = useState(tag.description);
  const saveName = () => {
    if (name.trim() && name.trim() !== tag.name) void coding.updateTag(tag.id, { name: name.trim() });
    else setName(tag.name);
  };
  const saveDescription = () => {
    if (description !== tag.description) void coding.updateTag(tag.id, { description });
  };
  const target = rows.find((r) => r.tag.id === mergeTarget)?.tag ?? null;

  return (
    <div className="tag-detail" data-testid="tag-detail">
      <label>
        {t('codebook.name')}
        <input
          data-testid="tag-name-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={saveName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveName();
          }}
        />
      </label>
      <p className="muted small">
        {t('codebook.usedBy', { count: used })}
        {usedWithSubTags !== used && ` · ${t('codebook.withSubTags', { count: usedWithSubTags })}`}
      </p>
      <fieldset className="colors">
        <legend>{t('editor.color')}</legend>
        {OKABE_ITO.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch-button${tagColor(tag).toUpperCase() === c ? ' chosen' : ''}`}
            style={swatchStyle(c)}
            aria-pressed={tagColor(tag).toUpperCase() === c}
            aria-label={t(`colors.${COLOR_NAMES[c] ?? 'orange'}`)}
            title={t(`colors.${COLOR_NAMES[c] ?? 'orange'}`)}
            onClick={() => void coding.updateTag(tag.id, { color: c })}
          />
        ))}
        <input
          type="color"
          aria-label={t('codebook.customColor')}
          title={t('codebook.customColor')}
          value={tagColor(tag).toLowerCase()}
          onChange={(e) => void coding.updateTag(tag.id, { color: e.target.value.toUpperCase() })}
        />
      </fieldset>
      <label>
        {t('codebook.description')}
        <textarea
          rows={4}
          value={description}
          placeholder={t('codebook.descriptionHint')}
          onChange={(e) => setDescription(e.target.value)}
          onBlur={saveDescription}
        />
      </label>
      <label>
        {t('codebook.parent')}
        <select
          value={tag.parentId ?? ''}
          onChange={(e) => void coding.updateTag(tag.id, { parentId: e.target.value || null })}
        >
          <option value="">{t('codebook.topLevel')}</option>
          {rows.map((r) => (
            <option key={r.tag.id} value={r.tag.id}>
              {r.path}
            </option>
          ))}
        </select>
      </label>
      <div className="merge-row">
        <label>
          {t('codebook.mergeInto')}
          <select value={mergeTarget} onChange={(e) => onMergeTarget(e.target.value)}>
            <option value="">—</option>
            {rows.map((r) => (
              <option key={r.tag.id} value={r.tag.id}>
                {r.path}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!target} onClick={() => target && onAskMerge(target)}>
          {t('codebook.merge')}
        </button>
      </div>
      <button type="button" className="danger" data-testid="delete-tag" onClick={onAskDelete}>
        {t('codebook.delete')}
      </button>
    </div>
  );
}

export const CodebookDialog = withPaneBoundary(CodebookDialogContent, {
  pane: 'codebook',
  className: 'pane-error-dialog',
  onClose: (props) => props.onClose,
});
