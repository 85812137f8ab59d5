/**
 * Who is coding, in the toolbar: the coder's colour dot and name; its popup switches to a coder
 * of the library or to a new name (later highlights, memos and tag changes are theirs).
 */
import { CONSENSUS_CODER_ID } from '../../coders/coder-types.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoderState } from '../../coders/coder-types.js';
import { PopupPanel, usePopupClose } from '../PopupPanel.js';
import { CoderDot } from './CoderBadge.js';

interface CoderMenuProps {
  state: CoderState;
  onSwitch(name: string): void;
}

export function CoderMenu({ state, onSwitch }: CoderMenuProps) {
  const { t } = useTranslation();
  return (
    <PopupPanel
      testId="coder-menu"
      className="coder-menu"
      title={t('coders.menu.title', { name: state.coder.name })}
      label={
        <span className="coder-badge">
          <CoderDot coderId={state.coder.id} />
          <span className="coder-name" data-testid="coder-name">
            {state.coder.name}
          </span>
        </span>
      }
    >
      <CoderMenuBody state={state} onSwitch={onSwitch} />
    </PopupPanel>
  );
}

/** The popup: the library's other coders to switch to, and a field for a new name. */
function CoderMenuBody({ state, onSwitch }: CoderMenuProps) {
  const { t } = useTranslation();
  const close = usePopupClose();
  const [name, setName] = useState('');
  // The consensus is written by the disagreement review, not a coder one switches to.
  const others = state.coders.filter((c) => c.id !== state.coder.id && c.id !== CONSENSUS_CODER_ID);
  return (
    <div className="coder-menu-body">
      <p className="muted small">{t('coders.menu.intro', { name: state.coder.name })}</p>
      {others.length > 0 && <p className="small">{t('coders.menu.known')}</p>}
      {others.length > 0 && (
        <ul className="coder-list" aria-label={t('coders.menu.known')}>
          {others.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                data-testid="known-coder"
                onClick={() => {
                  onSwitch(c.name);
                  close();
                }}
              >
                <CoderDot coderId={c.id} /> {c.name}{' '}
                <span className="muted">{t('coders.highlights', { count: c.highlights })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="coder-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          onSwitch(name.trim());
          setName('');
          close();
        }}
      >
        <input
          data-testid="coder-new-name"
          aria-label={t('coders.menu.newName')}
          placeholder={t('coders.menu.newName')}
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" data-testid="coder-switch" disabled={!name.trim()}>
          {t('coders.menu.switch')}
        </button>
      </form>
    </div>
  );
}
