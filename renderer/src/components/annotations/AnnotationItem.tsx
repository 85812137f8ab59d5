/** One highlight in the pane's list: its colour bar, quote, tags, note, and "placed approximately". */
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation, Tag } from '../../../../core/model.js';
import { quoteText } from '../../../../core/stored-annotation.js';
import { colorOfAnnotation } from '../../coding/annotation-colors.js';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';
import { shorten } from '../../shorten-text.js';

interface AnnotationItemProps {
  annotation: AnchoredAnnotation;
  text: string;
  quoteLang: string | undefined;
  tagsById: ReadonlyMap<string, Tag>;
  active: boolean;
  onOpen(annotation: AnchoredAnnotation): void;
}

export function AnnotationItem({
  annotation: a,
  text,
  quoteLang,
  tagsById,
  active,
  onOpen,
}: AnnotationItemProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`annotation-item${active ? ' active' : ''}`}
      data-testid="annotation-item"
      aria-current={active ? 'true' : undefined}
      onClick={() => onOpen(a)}
    >
      <span className="quote-bar" style={swatchStyle(colorOfAnnotation(a, tagsById))} aria-hidden="true" />
      <span className="annotation-text">
        <span className="quote" lang={quoteLang} data-testid="annotation-quote">
          {shorten(quoteText(a, text))}
        </span>
        {a.tagIds.length > 0 && (
          <span className="chips">
            {a.tagIds.map((id) => {
              const tag = tagsById.get(id);
              return tag ? (
                <span key={id} className="tag-chip small" data-testid="annotation-tag">
                  <span className="swatch" style={swatchStyle(tagColor(tag))} aria-hidden="true" />
                  {tag.name}
                </span>
              ) : null;
            })}
          </span>
        )}
        {a.note && (
          <span className="note" data-testid="annotation-note">
            {shorten(a.note, 300)}
          </span>
        )}
        {a.status === 'fuzzy' && <span className="status-note">{t('annotations.fuzzy')}</span>}
      </span>
    </button>
  );
}
