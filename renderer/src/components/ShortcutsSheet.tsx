/** The keyboard shortcuts sheet (`?` or Help ▸ Keyboard Shortcuts), listing the shortcuts table. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { withPaneBoundary } from './PaneErrorBoundary.js';
import { SHORTCUTS, displayKeys } from '../../../core/ui/shortcuts.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

function ShortcutsSheetContent({ onClose, about }: { onClose(): void; about?: string }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-sheet"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      data-testid="shortcuts"
    >
      <header className="dialog-header">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <span className="spacer" />
        <button
          type="button"
          autoFocus
          onClick={() => dialog.current?.close()}
          aria-label={t('editor.close')}
        >
          ×
        </button>
      </header>
      {about && <p className="muted">{about}</p>}
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.label} className="shortcut">
            <dt>
              <kbd>{displayKeys(shortcut, isMac)}</kbd>
            </dt>
            <dd>{t(shortcut.label)}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}

export const ShortcutsSheet = withPaneBoundary(ShortcutsSheetContent, {
  pane: 'shortcuts',
  className: 'pane-error-dialog',
  onClose: (props) => props.onClose,
});
