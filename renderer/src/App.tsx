/**
 * The app shell: toolbar on top; library, reader and annotations panes side by side.
 * Who owns what: where the user is (article, highlight, selection, editor, view, dialog) is the
 * navigation reducer's (state/navigation.ts); host data is cached by TanStack Query (data/);
 * coding changes and their undo entries are coding/coding-actions.ts'; host events, menu
 * commands, folder drops and keys each have their hook. The panes render and report user actions.
 */
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { HostBridge } from './api/api-client.js';
import type { Preferences } from '../../core/api/library-contract.js';
import type { ListedAnnotation } from '../../core/api/annotation-contract.js';
import { applyLanguage } from './i18n/i18n.js';
import { Toolbar } from './components/Toolbar.js';
import { FolderBrowser } from './components/folder-browser/FolderBrowser.js';
import { LibraryPane } from './components/LibraryPane.js';
import { type ReaderHandle } from './components/ReaderPane.js';
import { AppDialogs } from './app/AppDialogs.js';
import { ReaderColumn } from './app/ReaderColumn.js';
import { AnnotationsPane } from './components/AnnotationsPane.js';
import { useDoneMarks } from './coding/use-done-marks.js';
import type { HighlightsFilter, LibraryFilter } from './export/export-settings.js';
import { StoreStatusBanner } from './components/StoreStatusBanner.js';
import { useKeyboardShortcuts } from './hooks/use-keyboard-shortcuts.js';
import { useTheme } from './hooks/use-theme.js';
import { useImagePolicyReload } from './hooks/use-image-policy-reload.js';
import { useHostEvents } from './hooks/use-host-events.js';
import { useMenuCommands, type MenuCommand } from './hooks/use-menu-commands.js';
import { useFolderDrop } from './hooks/use-folder-drop.js';
import { useCoding } from './coding/use-coding.js';
import { useAppState, useArticleList } from './data/queries.js';
import { keys } from './data/query-keys.js';
import { OwnChanges } from './data/own-changes.js';
import { initialNavigation, navigate } from './state/navigation.js';
import { useNotice } from './app/use-notice.js';
import { useQueryErrors } from './app/use-query-errors.js';
import { useReaderArticle } from './app/use-reader-article.js';
import { clearSelection, useCodingCommands } from './app/use-coding-commands.js';
import { useSnapSentences, useWholeWords } from './app/use-snap-sentences.js';
import { useJump } from './app/use-jump.js';
import { useSearchView } from './search/use-search-view.js';
import { errorText, isTextChanged } from './error-text.js';
import { useCoderState } from './app/use-coder.js';
import { useLayer, useLayeredCoding } from './app/use-layer.js';
import { showsLayerMenu } from './coders/layers.js';
import { coderColors } from './coders/coder-colors.js';
import { CoderColorsContext } from './coders/use-coder-color.js';
import { CoderMenu } from './components/coders/CoderMenu.js';
import { CoderPrompt } from './components/coders/CoderPrompt.js';
import { LayerMenu } from './components/coders/LayerMenu.js';

export function App({ bridge }: { bridge: HostBridge }) {
  const { api } = bridge;
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [nav, dispatch] = useReducer(navigate, initialNavigation);
  const [own] = useState(() => new OwnChanges());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useNotice();
  const [visibleIds, setVisibleIds] = useState<string[]>([]);
  const [libraryFilter, setLibraryFilter] = useState<LibraryFilter | null>(null);
  const [highlightsFilter, setHighlightsFilter] = useState<HighlightsFilter | null>(null);
  const [snapSentences, toggleSnap] = useSnapSentences();
  const [wholeWords, toggleWholeWords] = useWholeWords();
  const reader = useRef<ReaderHandle>(null);
  /** Set once the reader's article is known: loads it again (its text changed under a selection). */
  const reloadArticle = useRef<(quiet: boolean) => void>(() => undefined);
  const reanchor = useRef<() => Promise<ListedAnnotation[] | null>>(async () => null);

  const report = useCallback(
    (err: unknown) => {
      setError(errorText(t, i18n.language, err));
      if (isTextChanged(err)) reloadArticle.current(false);
    },
    [t, i18n],
  );
  useQueryErrors(report);

  const state = useAppState(api).data ?? null;
  const list = useArticleList(api).data ?? null;
  const searchView = useSearchView(api, libraryFilter, list?.progress);
  const { setResultsOpen, setQuery } = searchView;
  // The results take the reader's place: typing a query, or asking for the results, over another
  // view (analysis, agreement, all highlights) goes back to the reader's place to show them.
  const toResults = useCallback(() => dispatch({ type: 'set-view', view: 'reader' }), []);
  const search = useCallback(
    (query: string) => {
      setQuery(query);
      if (query.trim()) toResults();
    },
    [setQuery, toResults],
  );
  const showResults = useCallback(() => {
    setResultsOpen(true);
    toResults();
  }, [setResultsOpen, toResults]);
  // The article is asked for before its highlights: the host answers in order, and the text can
  // be laid out while the highlights are on their way.
  const article = useReaderArticle(api, list, nav.selectedId, reanchor, setNotice);
  const coder = useCoderState(api, report, setNotice);
  const libraryRoot = state?.library?.root ?? null;
  const [layer, setLayer] = useLayer(libraryRoot);
  const myCoderId = coder.state?.coder.id ?? '';
  const coding = useCoding(bridge, own, nav.selectedId, libraryRoot, coder.state?.writerId ?? null, report);
  const { shownCoding, showMine } = useLayeredCoding(coding, layer, setLayer, myCoderId);
  const coders = coder.state?.coders;
  const coderColorMap = useMemo(() => coderColors((coders ?? []).map((c) => c.id)), [coders]);
  const { shown, codingOff } = article;
  useLayoutEffect(() => {
    reloadArticle.current = article.reload;
    reanchor.current = coding.reanchor;
  });

  const selectArticle = useCallback((id: string | null) => dispatch({ type: 'select-article', id }), []);
  // An article chosen in the list takes the reader's place back from the search results.
  const openFromList = useCallback(
    (id: string) => {
      setResultsOpen(false);
      selectArticle(id);
    },
    [selectArticle, setResultsOpen],
  );
  useHostEvents(
    bridge,
    own,
    useCallback(() => selectArticle(null), [selectArticle]),
  );
  const refreshState = useCallback(
    () => void queries.invalidateQueries({ queryKey: keys.appState }),
    [queries],
  );

  // A selection is pending only on the text it was made on, and while the file is there to code.
  const selection = nav.pending;
  const pending =
    selection &&
    shown &&
    !codingOff &&
    selection.articleId === shown.id &&
    selection.textVersion === shown.textVersion
      ? selection
      : null;

  const preferences = state?.preferences;
  useTheme(preferences?.theme ?? 'system');
  const imagesShown = useImagePolicyReload(state, nav.selectedId, selectArticle);

  const updatePreferences = useCallback(
    (patch: Partial<Preferences>) => {
      api.setPreferences(patch).then((next) => {
        queries.setQueryData(keys.appState, (s: typeof state) => (s ? { ...s, preferences: next } : s));
        applyLanguage(next.language);
      }, report);
    },
    [api, queries, report],
  );

  const openExport = useCallback((tab: 'export' | 'import' = 'export') => {
    dispatch({ type: 'open-dialog', dialog: 'export', tab });
  }, []);
  const doneMarks = useDoneMarks(api, libraryRoot !== null);
  const selectedId = nav.selectedId;
  const inReader = nav.view === 'reader';
  const toggleDone = useCallback(() => {
    // Outside the reader the open article is not on screen: `d` would mark it unseen. An article
    // whose file is gone is no longer in the library to mark.
    if (!selectedId || !inReader || codingOff) return;
    doneMarks
      .toggle(selectedId)
      .then((done) => setNotice(t(done ? 'marks.marked' : 'marks.unmarked')), report);
  }, [selectedId, inReader, codingOff, doneMarks, setNotice, t, report]);
  const commands = useCodingCommands({
    nav,
    dispatch,
    coding: shownCoding,
    pending,
    codingOff,
    visibleIds,
    reader,
    setNotice,
    reloadArticle: article.reload,
    toggleSnap,
    openExport,
    toggleDone,
    onMineMade: showMine,
  });
  useKeyboardShortcuts(commands.handlers);
  useJump(nav.jump, shown, shownCoding.annotations, reader, dispatch);

  useMenuCommands(
    bridge,
    useCallback(
      (command: MenuCommand) => {
        if (command === 'toggle-theme') {
          const dark = document.documentElement.dataset.theme === 'dark';
          updatePreferences({ theme: dark ? 'light' : 'dark' });
        } else if (command === 'export' || command === 'import') openExport(command);
        else dispatch({ type: 'open-dialog', dialog: command });
      },
      [updatePreferences, openExport],
    ),
  );
  useFolderDrop(
    refreshState,
    report,
    useCallback(() => setNotice(t('app.dropInBrowser')), [setNotice, t]),
  );

  if (!state)
    return <div className="app-loading">{error ? t('app.error', { message: error }) : t('app.loading')}</div>;

  return (
    <CoderColorsContext value={coderColorMap}>
      <div className="app" data-testid="app">
        <Toolbar
          state={state}
          onOpenFolder={(path) => api.openLibrary({ path }).then(refreshState, report)}
          onChooseFolder={() => api.chooseLibraryFolder({}).then((info) => info && refreshState(), report)}
          folderBrowser={(close) => <FolderBrowser api={api} onOpened={refreshState} onClose={close} />}
          onPreferences={updatePreferences}
          searchQuery={searchView.query}
          onSearch={search}
          canUndo={coding.canUndo}
          canRedo={coding.canRedo}
          onUndo={commands.undo}
          onRedo={commands.redo}
          snapSentences={snapSentences}
          onToggleSnap={toggleSnap}
          wholeWords={wholeWords}
          onToggleWholeWords={toggleWholeWords}
          highlightsOpen={nav.view === 'highlights'}
          onToggleHighlights={() => dispatch({ type: 'set-view', view: 'toggle' })}
          agreementOpen={nav.view === 'agreement'}
          onToggleAgreement={() =>
            dispatch({ type: 'set-view', view: nav.view === 'agreement' ? 'reader' : 'agreement' })
          }
          analysisOpen={nav.view === 'analysis'}
          onToggleAnalysis={() =>
            dispatch({ type: 'set-view', view: nav.view === 'analysis' ? 'reader' : 'analysis' })
          }
          onCodebook={() => dispatch({ type: 'open-dialog', dialog: 'codebook' })}
          onShortcuts={() => dispatch({ type: 'open-dialog', dialog: 'shortcuts' })}
          onExport={() => openExport()}
          team={coder.state && <CoderMenu state={coder.state} onSwitch={coder.switchTo} />}
        />
        {coder.state && !coder.state.asked && (
          <CoderPrompt
            defaultName={coder.state.coder.name}
            onName={coder.answerPrompt}
            onSkip={coder.skipPrompt}
          />
        )}
        {error && (
          <div className="error-banner" role="alert" data-testid="error-banner">
            {t('app.error', { message: error })}
            <button type="button" onClick={() => setError(null)} aria-label={t('app.dismiss')}>
              ×
            </button>
          </div>
        )}
        {state.library && (
          <StoreStatusBanner
            api={api}
            libraryRoot={state.library.root}
            dataDir={state.library.dataDir}
            dataDirFallback={state.library.dataDirFallback}
          />
        )}
        {notice && (
          <div className="notice-banner" role="status" data-testid="notice">
            {notice}
            {coding.canUndo && (notice === t('undo.deleted') || notice === t('coders.copied')) && (
              <button type="button" onClick={commands.undo}>
                {t('undo.undo')}
              </button>
            )}
            <button type="button" onClick={() => setNotice(null)} aria-label={t('app.dismiss')}>
              ×
            </button>
          </div>
        )}
        <main className="panes">
          <LibraryPane
            key={libraryRoot ?? ''}
            api={api}
            list={list}
            tags={coding.tags}
            selectedId={nav.selectedId}
            onSelect={openFromList}
            search={searchView.search}
            resultsOpen={searchView.resultsOpen && nav.view === 'reader'}
            onShowResults={showResults}
            onVisibleChange={setVisibleIds}
            onFilterChange={setLibraryFilter}
          />
          <ReaderColumn
            api={api}
            nav={nav}
            dispatch={dispatch}
            reader={reader}
            list={list}
            shown={shown}
            pending={pending}
            codingOff={codingOff}
            coding={shownCoding}
            commands={commands}
            searchView={searchView}
            fontSize={preferences?.fontSize ?? 18}
            snapSentences={snapSentences}
            wholeWords={wholeWords}
            imagesShown={imagesShown}
            onLoadImages={(on) => api.setLibraryOptions({ loadRemoteImages: on }).then(refreshState, report)}
            onHighlightsFilter={setHighlightsFilter}
            nativeDialogs={state.nativeDialogs}
            listedIds={visibleIds}
            chosenSet={libraryFilter?.set}
            layer={layer}
            onLayer={setLayer}
            coders={coder.state?.coders ?? []}
            myCoderId={myCoderId}
          />
          <AnnotationsPane
            api={api}
            article={shown}
            annotations={shownCoding.annotations}
            tagsById={coding.tagsById}
            activeId={nav.activeId}
            canReattach={pending !== null && !codingOff}
            readOnly={codingOff}
            layer={layer}
            severalCoders={(coder.state?.coders.length ?? 0) > 1}
            layerMenu={
              coder.state &&
              showsLayerMenu(layer, coder.state.coders) && (
                <LayerMenu
                  layer={layer}
                  coders={coder.state.coders}
                  myCoderId={myCoderId}
                  onChange={setLayer}
                />
              )
            }
            onOpen={(a) => {
              dispatch({ type: 'activate', id: a.id });
              if (a.range) reader.current?.jumpTo(a.range);
            }}
            onReattach={(a) => {
              if (!pending || codingOff || !a.mine) return;
              void coding.updateAnnotation(a.id, { moveTo: pending }).then((updated) => {
                if (!updated) return;
                clearSelection();
                dispatch({ type: 'highlight-made', selectionId: pending.id, id: a.id });
              });
            }}
            onDelete={(a) => void commands.deleteHighlight(a)}
            onError={report}
            done={shown && !codingOff ? { marked: doneMarks.mine.has(shown.id), onToggle: toggleDone } : null}
          />
        </main>
        <AppDialogs
          api={api}
          state={state}
          nav={nav}
          dispatch={dispatch}
          list={list}
          coding={coding}
          filter={nav.view === 'highlights' ? highlightsFilter : libraryFilter}
          coders={coder.state?.coders ?? []}
          initialCoders={layer.show === 'all' ? null : layer.show === 'mine' ? [myCoderId] : layer.coderIds}
          onImported={() => {
            coding.refresh();
          }}
          onError={report}
        />
      </div>
    </CoderColorsContext>
  );
}
