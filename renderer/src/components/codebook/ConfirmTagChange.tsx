/** "Delete tag X (and its N sub-tags) from M highlights?" / "Merge X into Y?": asked before doing it. */
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';

export type TagChange = { kind: 'delete'; tag: Tag } | { kind: 'merge'; tag: Tag; target: Tag };

interface ConfirmTagChangeProps {
  change: TagChange;
  /** Highlights carrying the tag or its sub-tags. */
  highlights: number;
  subTags: number;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmTagChange({
  change,
  highlights,
  subTags,
  onConfirm,
  onCancel,
}: ConfirmTagChangeProps) {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm">
      <p id="confirm-text">
        {change.kind === 'delete'
          ? t('codebook.confirmDelete', { name: change.tag.name, count: highlights, subTags })
          : t('codebook.confirmMerge', {
              name: change.tag.name,
              target: change.target.name,
              count: highlights,
            })}
      </p>
      <button type="button" className="danger" autoFocus data-testid="confirm-yes" onClick={onConfirm}>
        {change.kind === 'delete' ? t('codebook.delete') : t('codebook.merge')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('editor.cancel')}
      </button>
    </div>
  );
}
