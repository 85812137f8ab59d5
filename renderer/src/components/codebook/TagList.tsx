/**
 * The codebook's tag tree as a list box: swatch, name, its number key (1–9 tag a selection) and
 * how many highlights carry it. Arrow keys move the choice.
 */
import { useTranslation } from 'react-i18next';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';
import type { TagRow } from '../../coding/tag-tree.js';

interface TagListProps {
  rows: readonly TagRow[];
  counts: ReadonlyMap<string, number>;
  selectedId: string | null;
  onSelect(id: string): void;
}

export function TagList({ rows, counts, selectedId, onSelect }: TagListProps) {
  const { t } = useTranslation();
  return (
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
          onClick={() => onSelect(r.tag.id)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
            if (step) {
              e.preventDefault();
              const next = rows[Math.min(rows.length - 1, Math.max(0, i + step))];
              if (next) {
                onSelect(next.tag.id);
                const sibling =
                  step > 0 ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
                (sibling as HTMLElement | null)?.focus();
              }
            }
            if (e.key === 'Enter' || e.key === ' ') onSelect(r.tag.id);
          }}
        >
          <span className="swatch" style={swatchStyle(tagColor(r.tag))} aria-hidden="true" />
          <span className="tag-name">{r.tag.name}</span>
          {r.tag.key && (
            <kbd className="tag-key" title={t('codebook.keyHint', { key: r.tag.key })}>
              {r.tag.key}
            </kbd>
          )}
          {r.tag.keyClash && (
            <kbd
              className="tag-key clash"
              data-testid="key-clash"
              title={t('codebook.keyClash', { key: r.tag.keyClash })}
            >
              {r.tag.keyClash}!
            </kbd>
          )}
          <span className="tag-count" title={t('codebook.usedBy', { count: counts.get(r.tag.id) ?? 0 })}>
            {counts.get(r.tag.id) ?? 0}
          </span>
        </li>
      ))}
    </ul>
  );
}
