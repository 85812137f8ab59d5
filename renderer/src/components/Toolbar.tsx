/**
 * The top bar, one row at 1280 px: open a library, who is coding (`team`), undo/redo, the coding
 * tools and views (codebook, all highlights, agreement, analysis, export), search, and the View
 * menu (selection snapping, text size, theme, language).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState, Preferences } from '../../../core/api/library-contract.js';
import { ViewMenu } from './ViewMenu.js';

interface ToolbarProps {
  state: AppState;
  searchQuery: string;
  onSearch(query: string): void;
  /** Opens a recent library (desktop; the browser mode lists them in its folder browser). */
  onOpenFolder(path: string): void;
  /** The native folder dialog (desktop). */
  onChooseFolder(): void;
  /** The browser mode's folder browser, shown until it calls `close`. */
  folderBrowser?(close: () => void): ReactNode;
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
  const [browsing, setBrowsing] = useState(false);
  const { preferences } = state;

  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">{t('app.name')}</span>
      <span className="library-name" title={state.library?.root}>
        {state.library?.name}
      </span>
      <button
        type="button"
        data-testid="open-folder"
        onClick={() => (state.nativeDialogs ? props.onChooseFolder() : setBrowsing(true))}
      >
        {t('toolbar.openFolder')}
      </button>
      {browsing && props.folderBrowser?.(() => setBrowsing(false))}
      {/* The browser mode lists the recent libraries in its folder browser. */}
      {state.nativeDialogs && state.recent.length > 1 && (
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
        <ViewMenu
          preferences={preferences}
          onPreferences={onPreferences}
          snapSentences={props.snapSentences}
          onToggleSnap={props.onToggleSnap}
          wholeWords={props.wholeWords}
          onToggleWholeWords={props.onToggleWholeWords}
        />
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
