/**
 * The popover by a selection or a highlight: tags with type-ahead (Enter picks, a new name creates
 * the tag), colour, note. For a new highlight it edits a draft until "Highlight" (or Ctrl+Enter);
 * for an existing one each change is saved at once (and can be undone). A tag name still in the
 * field when saving is taken as Enter would take it. Escape clears the typed name, else closes it.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation, Tag } from '../../../core/model.js';
import { suggestTags } from '../coding/tag-suggestions.js';
import { tagRows } from '../coding/tag-tree.js';
import type { AnnotationDraft } from '../coding/use-coding.js';
import { ColorChoice } from './editor/ColorChoice.js';
import { EditorActions } from './editor/EditorActions.js';
import { TagChips } from './editor/TagChips.js';
import { TagSuggestionList } from './editor/TagSuggestionList.js';

export { COLOR_NAMES } from '../coding/color-names.js';

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
  const { suggestions, canCreate } = useMemo(() => suggestTags(rows, query), [rows, query]);
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

  /** What Enter does with the typed text: picks the highlighted suggestion or creates the tag. */
  const pickTyped = () => {
    // While a tag is being created from the typed name, that name is already taken care of.
    if (!query.trim() || tagCreation.current) return;
    if (cursor < suggestions.length) {
      toggle(suggestions[cursor]!.tag.id);
      setQuery('');
      setCursor(0);
    } else createFromQuery();
  };

  const commit = async () => {
    // "Create tag" then Ctrl+Enter at once: the save gets the tag being created.
    await tagCreation.current;
    if (isNew) {
      onCommit({ tagIds: tagIdsNow.current, note, color });
    } else {
      if (note !== annotation.note) onChange({ note });
      onClose();
    }
  };

  /** Saving never drops a typed tag name: it is taken as Enter would take it, then saved. */
  const save = () => {
    pickTyped();
    void commit();
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
      if (event.ctrlKey || event.metaKey || !query.trim()) save();
      else pickTyped();
    } else if (event.key === 'Escape' && query) {
      // The first Escape takes back what was typed (and its suggestions); the next one closes.
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      setCursor(0);
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
      save();
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
      <TagChips tagIds={tagIds} tagsById={tagsById} onRemove={toggle} />
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
          <TagSuggestionList
            id={listId}
            suggestions={suggestions}
            canCreate={canCreate}
            query={query}
            cursor={cursor}
            chosen={tagIds}
            onPick={(id) => {
              toggle(id);
              setQuery('');
            }}
            onCreate={createFromQuery}
          />
        )}
      </div>
      <ColorChoice color={color} onPick={pickColor} />
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
      <EditorActions isNew={isNew} onSave={save} onDelete={onDelete} onClose={onClose} />
    </div>
  );
}
