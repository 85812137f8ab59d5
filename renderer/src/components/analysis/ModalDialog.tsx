/** A modal <dialog> with a title and a close button; Tab stays inside, Escape closes it. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusTrap } from '../../hooks/use-focus-trap.js';
// The sample and code-hits dialogs open from the library and the search, before (or without) the
// lazily loaded Analysis view, so their styles come with them.
import './analysis.css';

interface ModalDialogProps {
  title: string;
  className: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
}

export function ModalDialog({ title, className, testId, onClose, children }: ModalDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const trap = useFocusTrap(dialog);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={`analysis-dialog ${className}`}
      aria-label={title}
      data-testid={testId}
      onClose={onClose}
      onKeyDown={(e) => {
        trap(e);
        // Keys typed here are the dialog's, not the reader's shortcuts.
        e.stopPropagation();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('analysis.close')}>
          ×
        </button>
      </header>
      <div className="analysis-dialog-body">{children}</div>
    </dialog>
  );
}
