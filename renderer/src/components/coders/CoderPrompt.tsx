/**
 * The first-run question: who is coding? Gloss records the coder of every highlight, memo and
 * codebook change, so a team can code the same articles apart and compare. The default name (from
 * the system) is filled in; "Skip" keeps it, and Escape skips too. Asked once (`asked`).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusTrap } from '../../hooks/use-focus-trap.js';
import { withPaneBoundary } from '../PaneErrorBoundary.js';

interface CoderPromptProps {
  defaultName: string;
  onName(name: string): void;
  onSkip(): void;
}

function CoderPromptContent({ defaultName, onName, onSkip }: CoderPromptProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const trapTab = useFocusTrap(dialog);
  const ids = useId();
  const [name, setName] = useState(defaultName);
  /** How the dialog closed: a name given, or skipped (the close event follows either). */
  const answer = useRef<{ name: string } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    input.current?.select();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="coder-prompt"
      data-testid="coder-prompt"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-intro`}
      onKeyDown={trapTab}
      onClose={() => (answer.current ? onName(answer.current.name) : onSkip())}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          answer.current = { name: trimmed };
          dialog.current?.close();
        }}
      >
        <header className="dialog-header">
          <h2 id={`${ids}-title`}>{t('coders.prompt.title')}</h2>
        </header>
        <p id={`${ids}-intro`}>{t('coders.prompt.intro')}</p>
        <label className="coder-prompt-field">
          <span>{t('coders.prompt.name')}</span>
          <input
            ref={input}
            data-testid="coder-prompt-name"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <p className="muted small">{t('coders.prompt.later')}</p>
        <footer className="dialog-footer">
          <button type="button" data-testid="coder-prompt-skip" onClick={() => dialog.current?.close()}>
            {t('coders.prompt.skip', { name: defaultName })}
          </button>
          <button type="submit" className="primary" data-testid="coder-prompt-ok" disabled={!name.trim()}>
            {t('coders.prompt.ok')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

export const CoderPrompt = withPaneBoundary(CoderPromptContent, {
  pane: 'coderPrompt',
  className: 'pane-error-dialog',
  onClose: (props) => props.onSkip,
});
