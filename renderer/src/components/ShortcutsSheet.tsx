/** The keyboard shortcuts sheet (`?` or Help ▸ Keyboard Shortcuts). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { withPaneBoundary } from './PaneErrorBoundary.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: [keys: string, key: string][] = [
  ['h', 'shortcuts.highlight'],
  ['1 … 9', 'shortcuts.toggleTag'],
  ['n', 'shortcuts.note'],
  ['t', 'shortcuts.tags'],
  ['Enter', 'shortcuts.edit'],
  ['Delete', 'shortcuts.delete'],
  ['Esc', 'shortcuts.escape'],
  [`${mod}+Z`, 'shortcuts.undo'],
  [`${mod}+Shift+Z`, 'shortcuts.redo'],
  ['s', 'shortcuts.snap'],
  ['Alt + drag', 'shortcuts.snapOnce'],
  ['Shift + ← →', 'shortcuts.extend'],
  ['[ ]', 'shortcuts.cycle'],
  ['j / k', 'shortcuts.nextPrevious'],
  ['/', 'shortcuts.search'],
  [`${mod}+E`, 'shortcuts.export'],
  ['?', 'shortcuts.sheet'],
];

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
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
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
