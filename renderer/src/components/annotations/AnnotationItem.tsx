/**
 * One highlight in the pane's list: its colour bar, quote, tags, note, and "placed approximately";
 * another coder's carries their name (read-only), and with several coders each card has its
 * coder's colour on its edge.
 */
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { ListedAnnotation } from '../../../../core/api/annotation-contract.js';
import { useCoderStyle } from '../../coders/use-coder-color.js';
import { CoderBadge } from '../coders/CoderBadge.js';
import { TagChipList } from './TagChipList.js';
import { quoteText } from '../../../../core/stored-annotation.js';
import { colorOfAnnotation } from '../../coding/annotation-colors.js';
import { swatchStyle } from '../../coding/safe-color.js';
import { shorten } from '../../shorten-text.js';

interface AnnotationItemProps {
  annotation: ListedAnnotation;
  text: string;
  quoteLang: string | undefined;
  tagsById: ReadonlyMap<string, Tag>;
  active: boolean;
  /** Several coders' highlights may be listed: each card shows its coder's colour on its edge. */
  coderEdges: boolean;
  onOpen(annotation: ListedAnnotation): void;
}

export function AnnotationItem({
  annotation: a,
  text,
  quoteLang,
  tagsById,
  active,
  coderEdges,
  onOpen,
}: AnnotationItemProps) {
  const { t } = useTranslation();
  const styleOf = useCoderStyle();
  return (
    <button
      type="button"
      className={`annotation-item${active ? ' active' : ''}${coderEdges ? ' coder-edge' : ''}`}
      data-testid="annotation-item"
      data-highlight-card=""
      data-mine={a.mine}
      aria-current={active ? 'true' : undefined}
      style={coderEdges ? styleOf(a.coderId) : undefined}
      onClick={() => onOpen(a)}
    >
      <span className="quote-bar" style={swatchStyle(colorOfAnnotation(a, tagsById))} aria-hidden="true" />
      <span className="annotation-text">
        {!a.mine && (
          <CoderBadge
            coderId={a.coderId}
            name={a.coderName}
            title={t('coders.readOnlyTitle', { name: a.coderName })}
          />
        )}
        <span className="quote" lang={quoteLang} data-testid="annotation-quote">
          {shorten(quoteText(a, text))}
        </span>
        {a.tagIds.length > 0 && <TagChipList tagIds={a.tagIds} tagsById={tagsById} testId="annotation-tag" />}
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
