/**
 * The popover by a selection or a highlight: tags with type-ahead (Enter picks, a new name creates
 * the tag), colour, note. For a new highlight it edits a draft until "Highlight" (or Ctrl+Enter);
 * for an existing one each change is saved at once (and can be undone). Escape closes it.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation, Tag } from '../../../core/model.js';
import { OKABE_ITO } from '../coding/annotation-colors.js';
import { swatchStyle, tagColor } from '../coding/safe-color.js';
import type { AnnotationDraft } from '../coding/use-coding.js';
import { foldName, matchTags, tagRows } from '../coding/tag-tree.js';

export type EditorFocus = 'tags' | 'note' | 'none';

interface AnnotationEditorProps {
  /** Null for a new highlight. */
  annotation: AnchoredAnnotation | null;
  tags: Tag[];
  tagsById: ReadonlyMap<string, Tag>;
  initialTagIds: string[];
  focus: EditorFocus;
  onCommit(draft: AnnotationDraft): void;
  onChange(patch: Partial<AnnotationDraft>): void;
  onCreateTag(name: string): Promise<Tag | null>;
  onDelete(): void;
  onClose(): void;
}

export const COLOR_NAMES: Record<string, string> = {
  '#E69F00': 'orange',
  '#56B4E9': 'skyBlue',
  '#009E73': 'green',
  '#F0E442': 'yellow',
  '#0072B2': 'blue',
  '#D55E00': 'vermillion',
  '#CC79A7': 'purple',
};

export function AnnotationEditor(props: AnnotationEditorProps) {
  const { annotation, tags, tagsById, focus, onCommit, onChange, onCreateTag, onDelete, onClose } = props;
  const { t } = useTranslation();
  const isNew = annotation === null;
  const [tagIds, setTagIds] = useState<string[]>(() => annotation?.tagIds ?? props.initialTagIds);
  const [note, setNote] = useState(annotation?.note ?? '');
  const [color, setColor] = useState<string | null>(annotation?.color ?? null);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const [busy, setBusy] = useState(false);
  /** The tags as of now, and the tag being created: a save waits for it and takes it along. */
  const tagIdsNow = useRef(tagIds);
  const tagCreation = useRef<Promise<void> | null>(null);
  useLayoutEffect(() => {
    tagIdsNow.current = tagIds;
  }, [tagIds]);
  const tagInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  // Another change (undo, another window) updates the highlight under an open editor.
  const [seen, setSeen] = useState(annotation);
  if (annotation && seen && annotation !== seen) {
    setSeen(annotation);
    setTagIds(annotation.tagIds);
    setColor(annotation.color);
    if (annotation.note !== seen.note) setNote(annotation.note);
  }

  useEffect(() => {
    if (focus === 'tags') tagInput.current?.focus();
    if (focus === 'note') noteInput.current?.focus();
  }, [focus]);

  const rows = useMemo(() => tagRows(tags), [tags]);
  const suggestions = useMemo(() => (query.trim() ? matchTags(rows, query).slice(0, 8) : []), [rows, query]);
  const exact = rows.some((r) => foldName(r.tag.name) === foldName(query));
  const canCreate = query.trim().length > 0 && !exact;
  const options = suggestions.length + (canCreate ? 1 : 0);

  const setTags = (next: string[]) => {
    tagIdsNow.current = next;
    setTagIds(next);
    if (!isNew) onChange({ tagIds: next });
  };
  const toggle = (id: string) =>
    setTags(tagIds.includes(id) ? tagIds.filter((x) => x !== id) : [...tagIds, id]);

  const createFromQuery = () => {
    const name = query.trim();
    if (!name || busy) return;
    setBusy(true);
    const creation = onCreateTag(name).then((tag) => {
      setBusy(false);
      if (tag) {
        setTags([...tagIdsNow.current, tag.id]);
        setQuery('');
        setCursor(0);
      }
    });
    tagCreation.current = creation;
    void creation.finally(() => {
      if (tagCreation.current === creation) tagCreation.current = null;
    });
  };

  const commit = async () => {
    if (isNew) {
      // "Create tag" then Ctrl+Enter at once: the highlight gets the tag being created.
      await tagCreation.current;
      onCommit({ tagIds: tagIdsNow.current, note, color });
    } else {
      if (note !== annotation.note) onChange({ note });
      onClose();
    }
  };

  const onTagKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options > 0) {
      setCursor((c) => (c + 1) % options);
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && options > 0) {
      setCursor((c) => (c - 1 + options) % options);
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey || !query.trim()) void commit();
      else if (cursor < suggestions.length) {
        toggle(suggestions[cursor]!.tag.id);
        setQuery('');
        setCursor(0);
      } else void createFromQuery();
    } else if (event.key === 'Backspace' && !query && tagIds.length > 0) {
      setTags(tagIds.slice(0, -1));
    }
  };

  const onEditorKey = (event: KeyboardEvent) => {
    // A key the tag field has handled (its Enter and Ctrl+Enter) is not handled again here: one
    // Ctrl+Enter there used to save twice.
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      if (!isNew && note !== annotation.note) onChange({ note });
      onClose();
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void commit();
    }
  };

  const pickColor = (value: string | null) => {
    setColor(value);
    if (!isNew) onChange({ color: value });
  };

  return (
    <div
      className="annotation-editor"
      role="dialog"
      aria-label={isNew ? t('editor.newTitle') : t('editor.editTitle')}
      data-testid="annotation-editor"
      onKeyDown={onEditorKey}
    >
      <div className="chips" aria-label={t('editor.tags')}>
        {tagIds.map((id) => {
          const tag = tagsById.get(id);
          if (!tag) return null;
          return (
            <span key={id} className="tag-chip" data-testid="editor-tag-chip">
              <span className="swatch" style={swatchStyle(tagColor(tag))} aria-hidden="true" />
              {tag.name}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('editor.removeTag', { name: tag.name })}
                onClick={() => toggle(id)}
              >
                ×
              </button>
            </span>
          );
        })}
      </div>
      <div className="typeahead">
        <input
          ref={tagInput}
          data-testid="tag-input"
          role="combobox"
          aria-expanded={options > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-label={t('editor.addTag')}
          placeholder={t('editor.addTag')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCursor(0);
          }}
          onKeyDown={onTagKey}
        />
        {options > 0 && (
          <ul className="suggestions" id={listId} role="listbox">
            {suggestions.map((row, i) => (
              <li
                key={row.tag.id}
                role="option"
                aria-selected={i === cursor}
                className={i === cursor ? 'current' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  toggle(row.tag.id);
                  setQuery('');
                }}
              >
                <span className="swatch" style={swatchStyle(tagColor(row.tag))} aria-hidden="true" />
                {row.path}
                {tagIds.includes(row.tag.id) && <span className="check"> ✓</span>}
              </li>
            ))}
            {canCreate && (
              <li
                role="option"
                aria-selected={cursor === suggestions.length}
                className={cursor === suggestions.length ? 'current create' : 'create'}
                data-testid="create-tag-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  void createFromQuery();
                }}
              >
                {t('editor.createTag', { name: query.trim() })}
              </li>
            )}
          </ul>
        )}
      </div>
      <div className="colors" role="radiogroup" aria-label={t('editor.color')}>
        <button
          type="button"
          role="radio"
          aria-checked={color === null}
          className={`swatch-button auto${color === null ? ' chosen' : ''}`}
          title={t('editor.colorAuto')}
          aria-label={t('editor.colorAuto')}
          onClick={() => pickColor(null)}
        >
          A
        </button>
        {OKABE_ITO.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={color?.toUpperCase() === c}
            className={`swatch-button${color?.toUpperCase() === c ? ' chosen' : ''}`}
            style={swatchStyle(c)}
            title={t(`colors.${COLOR_NAMES[c] ?? 'orange'}`)}
            aria-label={t(`colors.${COLOR_NAMES[c] ?? 'orange'}`)}
            onClick={() => pickColor(c)}
          />
        ))}
      </div>
      <textarea
        ref={noteInput}
        data-testid="note-input"
        className="note-input"
        aria-label={t('editor.note')}
        placeholder={t('editor.note')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => {
          if (!isNew && note !== annotation.note) onChange({ note });
        }}
      />
      <div className="editor-actions">
        {isNew ? (
          <button
            type="button"
            className="primary"
            data-testid="save-highlight"
            onClick={() => void commit()}
          >
            {t('editor.highlight')}
          </button>
        ) : (
          <>
            <button type="button" className="danger" data-testid="delete-highlight" onClick={onDelete}>
              {t('editor.delete')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="save-highlight"
              onClick={() => void commit()}
            >
              {t('editor.done')}
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          {isNew ? t('editor.cancel') : t('editor.close')}
        </button>
        <span className="hint muted">{t('editor.hint')}</span>
      </div>
    </div>
  );
}
