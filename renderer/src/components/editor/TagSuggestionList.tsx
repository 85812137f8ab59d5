/**
 * The tag field's list box: the matching tags (✓ on those chosen) and "Create tag …". Picked with
 * the mouse on mousedown, so the field keeps the focus.
 */
import { useTranslation } from 'react-i18next';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';
import type { TagSuggestions } from '../../coding/tag-suggestions.js';

interface TagSuggestionListProps extends TagSuggestions {
  id: string;
  query: string;
  cursor: number;
  chosen: readonly string[];
  onPick(id: string): void;
  onCreate(): void;
}

export function TagSuggestionList(props: TagSuggestionListProps) {
  const { suggestions, canCreate, cursor } = props;
  const { t } = useTranslation();
  return (
    <ul className="suggestions" id={props.id} role="listbox">
      {suggestions.map((row, i) => (
        <li
          key={row.tag.id}
          role="option"
          aria-selected={i === cursor}
          className={i === cursor ? 'current' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(row.tag.id);
          }}
        >
          <span className="swatch" style={swatchStyle(tagColor(row.tag))} aria-hidden="true" />
          {row.path}
          {row.tag.key && <kbd className="tag-key">{row.tag.key}</kbd>}
          {props.chosen.includes(row.tag.id) && <span className="check"> ✓</span>}
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
            props.onCreate();
          }}
        >
          {t('editor.createTag', { name: props.query.trim() })}
        </li>
      )}
    </ul>
  );
}
