/** The popover's chosen tags as chips, each with a button that takes it off. */
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';

interface TagChipsProps {
  tagIds: readonly string[];
  tagsById: ReadonlyMap<string, Tag>;
  onRemove(id: string): void;
}

export function TagChips({ tagIds, tagsById, onRemove }: TagChipsProps) {
  const { t } = useTranslation();
  return (
    <div className="chips" aria-label={t('editor.tags')}>
      {tagIds.map((id) => {
        const tag = tagsById.get(id);
        if (!tag) return null;
        return (
          <span key={id} className="tag-chip" data-testid="editor-tag-chip">
            <span className="swatch" style={swatchStyle(tagColor(tag))} aria-hidden="true" />
            {tag.name}
            {tag.key && <kbd className="tag-key">{tag.key}</kbd>}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('editor.removeTag', { name: tag.name })}
              onClick={() => onRemove(id)}
            >
              ×
            </button>
          </span>
        );
      })}
    </div>
  );
}
