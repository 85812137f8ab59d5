/**
 * The top bar: open a library, who is coding (`team`), search,
 * undo/redo, the coding tools (codebook, all highlights, sentence snapping) and the reading
 * preferences (theme, language, text size).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState, Preferences } from '../../../core/api/library-contract.js';

interface ToolbarProps {
  state: AppState;
  searchQuery: string;
  onSearch(query: string): void;
  onOpenFolder(path: string): void;
  /** The native folder dialog (desktop). */
  onChooseFolder(): void;
  onPreferences(patch: Partial<Preferences>): void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  snapSentences: boolean;
  wholeWords: boolean;
  onToggleWholeWords(): void;
  onToggleSnap(): void;
  highlightsOpen: boolean;
  onToggleHighlights(): void;
  /** The agreement view between coders (issue 18). */
  agreementOpen?: boolean;
  onToggleAgreement?(): void;
  /** The Analysis area (issue 19). */
  analysisOpen?: boolean;
  onToggleAnalysis?(): void;
  onCodebook(): void;
  onShortcuts(): void;
  onExport(): void;
  /** The coder menu. */
  team?: ReactNode;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar(props: ToolbarProps) {
  const { state, searchQuery, onSearch, onOpenFolder, onPreferences } = props;
  const { t } = useTranslation();
  const [askingPath, setAskingPath] = useState(false);
  const [path, setPath] = useState('');
  const { preferences } = state;

  const submitPath = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onOpenFolder(path.trim());
    setAskingPath(false);
  };

  return (
    <header className="toolbar">
      <span className="brand">{t('app.name')}</span>
      <span className="library-name" title={state.library?.root}>
        {state.library?.name}
      </span>
      {askingPath ? (
        <form onSubmit={submitPath} className="path-form">
          <input
            autoFocus
            aria-label={t('toolbar.openFolderPrompt')}
            placeholder={t('toolbar.openFolderPrompt')}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setAskingPath(false)}
          />
        </form>
      ) : (
        <button
          type="button"
          data-testid="open-folder"
          onClick={() => (state.nativeDialogs ? props.onChooseFolder() : setAskingPath(true))}
        >
          {t('toolbar.openFolder')}
        </button>
      )}
      {state.recent.length > 1 && (
        <select
          aria-label={t('toolbar.recent')}
          value=""
          onChange={(e) => e.target.value && onOpenFolder(e.target.value)}
        >
          <option value="">{t('toolbar.recent')}</option>
          {state.recent.map((root) => (
            <option key={root} value={root}>
              {root}
            </option>
          ))}
        </select>
      )}
      {props.team && (
        <div className="toolbar-group team" role="group" aria-label={t('coders.group')}>
          {props.team}
        </div>
      )}
      <div className="toolbar-group" role="group" aria-label={t('toolbar.coding')}>
        <button
          type="button"
          aria-label={t('toolbar.undo')}
          title={`${t('toolbar.undo')} (${mod}Z)`}
          disabled={!props.canUndo}
          onClick={props.onUndo}
        >
          ↶
        </button>
        <button
          type="button"
          aria-label={t('toolbar.redo')}
          title={`${t('toolbar.redo')} (${mod}Shift+Z)`}
          disabled={!props.canRedo}
          onClick={props.onRedo}
        >
          ↷
        </button>
        <button type="button" data-testid="open-codebook" onClick={props.onCodebook}>
          {t('toolbar.codebook')}
        </button>
        <button
          type="button"
          data-testid="open-highlights"
          aria-pressed={props.highlightsOpen}
          onClick={props.onToggleHighlights}
        >
          {t('toolbar.allHighlights')}
        </button>
        {props.onToggleAgreement && (
          <button
            type="button"
            data-testid="open-agreement"
            aria-pressed={props.agreementOpen ?? false}
            title={t('toolbar.agreementHint')}
            onClick={props.onToggleAgreement}
          >
            {t('toolbar.agreement')}
          </button>
        )}
        {props.onToggleAnalysis && (
          <button
            type="button"
            data-testid="open-analysis"
            aria-pressed={props.analysisOpen ?? false}
            title={t('analysis.openHint')}
            onClick={props.onToggleAnalysis}
          >
            {t('analysis.open')}
          </button>
        )}
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
        <button
          type="button"
          data-testid="open-export"
          title={`${t('toolbar.exportHint')} (${mod}E)`}
          onClick={props.onExport}
        >
          {t('toolbar.export')}
        </button>
      </div>
      <input
        type="search"
        className="search-box"
        aria-label={t('toolbar.search')}
        placeholder={t('toolbar.search')}
        title={t('searchView.help')}
        data-testid="search-box"
        value={searchQuery}
        onChange={(e) => onSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            onSearch('');
            e.currentTarget.blur();
          }
        }}
      />
      <div className="toolbar-group">
        <button
          type="button"
          aria-label={t('toolbar.fontSmaller')}
          title={t('toolbar.fontSmaller')}
          onClick={() => onPreferences({ fontSize: Math.max(10, preferences.fontSize - 1) })}
        >
          A−
        </button>
        <button
          type="button"
          aria-label={t('toolbar.fontLarger')}
          title={t('toolbar.fontLarger')}
          onClick={() => onPreferences({ fontSize: Math.min(40, preferences.fontSize + 1) })}
        >
          A+
        </button>
        <select
          aria-label={t('toolbar.theme')}
          data-testid="theme-select"
          value={preferences.theme}
          onChange={(e) => onPreferences({ theme: e.target.value as Preferences['theme'] })}
        >
          <option value="system">{t('toolbar.themeSystem')}</option>
          <option value="light">{t('toolbar.themeLight')}</option>
          <option value="dark">{t('toolbar.themeDark')}</option>
        </select>
        <select
          aria-label={t('toolbar.language')}
          data-testid="language-select"
          value={preferences.language}
          onChange={(e) => onPreferences({ language: e.target.value as Preferences['language'] })}
        >
          <option value="system">{t('toolbar.languageSystem')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
        <button
          type="button"
          aria-label={t('toolbar.shortcuts')}
          title={`${t('toolbar.shortcuts')} (?)`}
          onClick={props.onShortcuts}
        >
          ?
        </button>
      </div>
    </header>
  );
}
