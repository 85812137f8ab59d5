/**
 * The chosen tag in the codebook: name, colour, coding rule (description), parent, and merge or
 * delete (both asked first by the dialog). Each change is saved at once and can be undone.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import { OKABE_ITO } from '../../coding/annotation-colors.js';
import { colorNameKey } from '../../coding/color-names.js';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';
import type { TagRow } from '../../coding/tag-tree.js';
import type { Coding } from '../../coding/use-coding.js';
import { TagOptions } from './TagOptions.js';

/** The number keys a tag can hold (core/store/tag-keys.ts). */
const TAG_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface TagDetailProps {
  tag: Tag;
  /** Tags that may become its parent or merge target (not itself or below it). */
  rows: readonly TagRow[];
  used: number;
  usedWithSubTags: number;
  coding: Coding;
  mergeTarget: string;
  onMergeTarget(id: string): void;
  onAskDelete(): void;
  onAskMerge(target: Tag): void;
}

export function TagDetail({
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
            aria-label={t(colorNameKey(c))}
            title={t(colorNameKey(c))}
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
        {t('codebook.key')}
        <select
          data-testid="tag-key-select"
          value={tag.key ?? ''}
          onChange={(e) => void coding.updateTag(tag.id, { key: e.target.value || null })}
        >
          <option value="">{t('codebook.noKey')}</option>
          {TAG_KEYS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('codebook.parent')}
        <select
          value={tag.parentId ?? ''}
          onChange={(e) => void coding.updateTag(tag.id, { parentId: e.target.value || null })}
        >
          <option value="">{t('codebook.topLevel')}</option>
          <TagOptions rows={rows} />
        </select>
      </label>
      <div className="merge-row">
        <label>
          {t('codebook.mergeInto')}
          <select value={mergeTarget} onChange={(e) => onMergeTarget(e.target.value)}>
            <option value="">—</option>
            <TagOptions rows={rows} />
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
