/**
 * Highlights that could not be placed on the article's current text: shown with their quote and
 * note, to be re-attached to a selection or deleted. Nothing is dropped silently. Another coder's
 * are theirs to re-attach: shown with their name, without the buttons.
 */
import { useTranslation } from 'react-i18next';
import type { ListedAnnotation } from '../../../../core/api/annotation-contract.js';
import { CoderBadge } from '../coders/CoderBadge.js';
import { quoteText } from '../../../../core/stored-annotation.js';
import { shorten } from '../../shorten-text.js';

interface NeedsReviewProps {
  orphans: readonly ListedAnnotation[];
  /** The article's text, for quotes stored as positions only. */
  text: string;
  quoteLang: string | undefined;
  canReattach: boolean;
  readOnly: boolean;
  onReattach(annotation: ListedAnnotation): void;
  onDelete(annotation: ListedAnnotation): void;
}

export function NeedsReview({
  orphans,
  text,
  quoteLang,
  canReattach,
  readOnly,
  onReattach,
  onDelete,
}: NeedsReviewProps) {
  const { t } = useTranslation();
  return (
    <section className="needs-review" data-testid="needs-review" aria-label={t('annotations.needsReview')}>
      <h2>
        {t('annotations.needsReview')}
        <span className="count-badge warn">{orphans.length}</span>
      </h2>
      <p className="muted small">{t('annotations.needsReviewHelp')}</p>
      <ol className="annotation-list">
        {orphans.map((a) => (
          <li key={a.id} className="orphan" data-testid="orphan-item">
            {!a.mine && <CoderBadge coderId={a.coderId} name={a.coderName} />}
            <span className="quote" lang={quoteLang}>
              {shorten(quoteText(a, text))}
            </span>
            {a.note && <span className="note">{shorten(a.note, 300)}</span>}
            {a.mine && (
              <span className="orphan-actions">
                <button
                  type="button"
                  disabled={!canReattach}
                  title={canReattach ? undefined : t('annotations.reattachHint')}
                  onClick={() => onReattach(a)}
                >
                  {t('annotations.reattach')}
                </button>
                <button type="button" className="danger" disabled={readOnly} onClick={() => onDelete(a)}>
                  {t('editor.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
