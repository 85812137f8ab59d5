/**
 * The popover on another coder's highlight: whose it is, its tags and note, read-only. Their
 * highlights are theirs to change; "Copy to mine" makes my own highlight of the same passage
 * (tags and note included), which I can then change. Escape closes, as the editor does.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { ListedAnnotation } from '../../../../core/api/annotation-contract.js';
import { TagChipList } from '../annotations/TagChipList.js';
import { CoderBadge } from './CoderBadge.js';

interface OthersHighlightProps {
  annotation: ListedAnnotation;
  tagsById: ReadonlyMap<string, Tag>;
  /** Opened by a key (not a click): the main button takes the focus. */
  focusButton: boolean;
  onCopy(): void;
  onClose(): void;
}

export function OthersHighlight({
  annotation: a,
  tagsById,
  focusButton,
  onCopy,
  onClose,
}: OthersHighlightProps) {
  const { t } = useTranslation();
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusButton) copyButton.current?.focus();
  }, [focusButton]);

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <div
      className="annotation-editor others-highlight"
      role="dialog"
      aria-label={t('coders.othersTitle', { name: a.coderName })}
      data-testid="others-highlight"
      onKeyDown={onKey}
    >
      <div className="others-highlight-head">
        <CoderBadge coderId={a.coderId} name={a.coderName} />
        <span className="muted">{t('coders.readOnly')}</span>
      </div>
      {a.tagIds.length > 0 && <TagChipList tagIds={a.tagIds} tagsById={tagsById} />}
      {a.note && <p className="others-note">{a.note}</p>}
      <div className="editor-actions">
        <button
          ref={copyButton}
          type="button"
          className="primary"
          data-testid="copy-to-mine"
          title={t('coders.copyHint')}
          onClick={onCopy}
        >
          {t('coders.copy')}
        </button>
        <button type="button" onClick={onClose}>
          {t('editor.close')}
        </button>
      </div>
    </div>
  );
}
