/**
 * The toolbar's View menu: how selections snap (sentences, whole words) and how the app looks
 * (text size, theme, language). Kept out of the toolbar's row so it fits one row at 1280 px; every
 * control stays a Tab away once the menu is open, and `s` still toggles sentence snapping.
 */
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../core/api/library-contract.js';
import { PopupPanel } from './PopupPanel.js';

interface ViewMenuProps {
  preferences: Preferences;
  onPreferences(patch: Partial<Preferences>): void;
  snapSentences: boolean;
  onToggleSnap(): void;
  wholeWords: boolean;
  onToggleWholeWords(): void;
}

export function ViewMenu(props: ViewMenuProps) {
  const { preferences, onPreferences } = props;
  const { t } = useTranslation();
  return (
    <PopupPanel
      label={t('toolbar.view')}
      title={t('toolbar.viewHint')}
      testId="view-menu"
      className="view-menu"
    >
      <div className="view-options">
        <button
          type="button"
          data-testid="snap-toggle"
          aria-pressed={props.snapSentences}
          title={t('toolbar.snapHint')}
          onClick={props.onToggleSnap}
        >
          {t('toolbar.snap')}
        </button>
        <button
          type="button"
          data-testid="whole-words-toggle"
          aria-pressed={props.wholeWords}
          title={t('toolbar.wholeWordsHint')}
          onClick={props.onToggleWholeWords}
        >
          {t('toolbar.wholeWords')}
        </button>
        <div className="view-row" role="group" aria-label={t('toolbar.textSize')}>
          <span>{t('toolbar.textSize')}</span>
          <button
            type="button"
            aria-label={t('toolbar.fontSmaller')}
            title={t('toolbar.fontSmaller')}
            onClick={() => onPreferences({ fontSize: Math.max(10, preferences.fontSize - 1) })}
          >
            A−
          </button>
          <span className="view-font-size">{preferences.fontSize}</span>
          <button
            type="button"
            aria-label={t('toolbar.fontLarger')}
            title={t('toolbar.fontLarger')}
            onClick={() => onPreferences({ fontSize: Math.min(40, preferences.fontSize + 1) })}
          >
            A+
          </button>
        </div>
        <label className="view-row">
          <span>{t('toolbar.theme')}</span>
          <select
            data-testid="theme-select"
            value={preferences.theme}
            onChange={(e) => onPreferences({ theme: e.target.value as Preferences['theme'] })}
          >
            <option value="system">{t('toolbar.themeSystem')}</option>
            <option value="light">{t('toolbar.themeLight')}</option>
            <option value="dark">{t('toolbar.themeDark')}</option>
          </select>
        </label>
        <label className="view-row">
          <span>{t('toolbar.language')}</span>
          <select
            data-testid="language-select"
            value={preferences.language}
            onChange={(e) => onPreferences({ language: e.target.value as Preferences['language'] })}
          >
            <option value="system">{t('toolbar.languageSystem')}</option>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
      </div>
    </PopupPanel>
  );
}
