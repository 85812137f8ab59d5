/** A highlight's tags as small read-only chips (cards, rows, another coder's popover). */
import type { Tag } from '../../../../core/model.js';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';

interface TagChipListProps {
  tagIds: readonly string[];
  tagsById: ReadonlyMap<string, Tag>;
  /** The chips' test id (the pane's cards have their own). */
  testId?: string;
}

export function TagChipList({ tagIds, tagsById, testId }: TagChipListProps) {
  return (
    <span className="chips">
      {tagIds.map((id) => {
        const tag = tagsById.get(id);
        return tag ? (
          <span key={id} className="tag-chip small" data-testid={testId}>
            <span className="swatch" style={swatchStyle(tagColor(tag))} aria-hidden="true" />
            {tag.name}
          </span>
        ) : null;
      })}
    </span>
  );
}
