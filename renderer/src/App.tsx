/**
 * The app shell: toolbar on top; library, reader and annotations panes side by side.
 * It owns what is selected and loaded (the article, the active highlight, the selection kept for
 * the popover) and the keyboard; the panes render and report user actions.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostBridge } from './api/api-client.js';
import type { AppState, ArticleList, Preferences } from '../../core/api/library-contract.js';
import type { AnnotationListItem } from '../../core/api/annotation-contract.js';
import type { AnchoredAnnotation, OpenedArticle, SearchHit } from '../../core/model.js';
import { applyLanguage } from './i18n/i18n.js';
import { Toolbar } from './components/Toolbar.js';
import { LibraryPane } from './components/LibraryPane.js';
import { ReaderPane, type ReaderHandle } from './components/ReaderPane.js';
import { AnnotationsPane } from './components/AnnotationsPane.js';
import { AnnotationEditor, type EditorFocus } from './components/AnnotationEditor.js';
import { CodebookDialog } from './components/CodebookDialog.js';
import { HighlightsView } from './components/HighlightsView.js';
import { SearchResults } from './components/SearchResults.js';
import { ShortcutsSheet } from './components/ShortcutsSheet.js';
import { ExportDialog, type ExportTab } from './components/ExportDialog.js';
import type { HighlightsFilter, LibraryFilter } from './export/export-settings.js';
import { StoreStatusBanner } from './components/StoreStatusBanner.js';
import { useKeyboardShortcuts } from './hooks/use-keyboard-shortcuts.js';
import { useTheme } from './hooks/use-theme.js';
import { useImagePolicyReload } from './hooks/use-image-policy-reload.js';
import { useCoding } from './coding/use-coding.js';
import { tagRows } from './coding/tag-tree.js';
import { pendingSelection, type PendingSelection } from './coding/pending-selection.js';
import { useArticleFile } from './reader/use-article-file.js';
import { locateHit } from './reader/locate-hit.js';
import { errorText, isTextChanged } from './error-text.js';

type Editor = { kind: 'new' | 'edit'; focus: EditorFocus } | null;
type Jump = { articleId: string; hit?: SearchHit; annotationId?: string };

const SNAP_KEY = 'gloss.snapSentences';

declare global {
  interface Window {
    /** Desktop only (preload): opens a dropped folder; the page never sees or names its path. */
    glossFiles?: { openDroppedFolder(file: File): Promise<unknown> };
  }
}

export function App({ bridge }: { bridge: HostBridge }) {
  const { api } = bridge;
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<AppState | null>(null);
  const [list, setList] = useState<ArticleList | null>(null);
  const [visibleIds, setVisibleIds] = useState<string[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [article, setArticle] = useState<OpenedArticle | null>(null);
  const [searchQuery, setSearchQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selection, setPending] = useState<PendingSelection | null>(null);
  const [editor, setEditor] = useState<Editor>(null);
  const [view, setView] = useState<'reader' | 'highlights'>('reader');
  const [dialog, setDialog] = useState<'codebook' | 'shortcuts' | 'about' | 'export' | null>(null);
  const [exportTab, setExportTab] = useState<ExportTab>('export');
  const [libraryFilter, setLibraryFilter] = useState<LibraryFilter | null>(null);
  const [highlightsFilter, setHighlightsFilter] = useState<HighlightsFilter | null>(null);
  const [snapSentences, setSnapSentences] = useState(() => localStorage.getItem(SNAP_KEY) === '1');
  const [jump, setJump] = useState<Jump | null>(null);
  const [changes, setChanges] = useState(0);
  const reader = useRef<ReaderHandle>(null);
  /** Bumped to load the open article again (its text changed under a highlight being placed). */
  const [reloads, setReloads] = useState(0);

  const report = useCallback(
    (err: unknown) => {
      setError(errorText(t, i18n.language, err));
      if (isTextChanged(err)) setReloads((n) => n + 1);
    },
    [t, i18n],
  );

  const refreshList = useCallback(() => {
    api.listArticles({}).then(setList, report);
  }, [api, report]);

  const refreshState = useCallback(() => {
    api.getAppState({}).then((next) => {
      setState(next);
      applyLanguage(next.preferences.language);
    }, report);
  }, [api, report]);

  // The open article follows its file: loaded again when it changes on disk, and coding is off
  // while the file is gone.
  const file = useArticleFile(list, selectedId);
  const codingOff = file.removed;

  // The article is asked for before its highlights (useCoding's effect runs after this one): the
  // host answers in order, and the text can be laid out while the highlights are on their way.
  useEffect(() => {
    if (!selectedId) return;
    let cancelled = false;
    api.getArticle({ id: selectedId }).then((a) => !cancelled && setArticle(a), report);
    return () => {
      cancelled = true;
    };
  }, [api, selectedId, file.version, reloads, report]);

  const coding = useCoding(bridge, selectedId, state?.library?.root ?? null, report);

  useEffect(() => {
    refreshState();
    refreshList();
    return bridge.onEvent((event) => {
      if (event.type === 'library-changed') {
        refreshList();
        if (event.reason === 'opened') {
          refreshState();
          setSelectedId(null);
        }
      }
      if (event.type === 'scan-progress') refreshList();
      if (event.type === 'annotations-changed') {
        refreshList();
        setChanges((n) => n + 1);
      }
    });
  }, [bridge, refreshList, refreshState]);

  // The article shown is the loaded one only while it is still the selected one.
  const shown = article && article.id === selectedId ? article : null;
  // A selection is pending only on the text it was made on, and while the file is there to code.
  const pending =
    selection &&
    shown &&
    !codingOff &&
    selection.articleId === shown.id &&
    selection.textVersion === shown.textVersion
      ? selection
      : null;
  /** The pending selection as of now, for creates that finish after the user moved on. */
  const pendingRef = useRef(pending);
  useLayoutEffect(() => {
    pendingRef.current = pending;
  });

  // The same article with another text (its file changed): its highlights are placed on the new
  // text, and the reader says how many need a look.
  const shownText = useRef<{ id: string; version: string } | null>(null);
  /** Set when a highlight was just stored where its words moved to: that notice says it all. */
  const relocated = useRef(false);
  const { reanchor } = coding;
  useEffect(() => {
    if (!shown) return;
    const before = shownText.current;
    shownText.current = { id: shown.id, version: shown.textVersion };
    if (before?.id !== shown.id || before.version === shown.textVersion) return;
    const quiet = relocated.current;
    relocated.current = false;
    void reanchor().then((placed) => {
      if (!placed) return;
      const review = placed.filter((a) => a.status === 'fuzzy' || a.status === 'orphan').length;
      if (review > 0) setNotice(t('reader.fileChangedReview', { count: review }));
      else if (!quiet) setNotice(t('reader.fileChanged'));
    });
  }, [shown, reanchor, t]);

  const preferences = state?.preferences;
  useTheme(preferences?.theme ?? 'system');

  const selectArticle = useCallback((id: string | null) => {
    setSelectedId(id);
    setActiveId(null);
    setPending(null);
    setEditor(null);
  }, []);
  const imagesShown = useImagePolicyReload(state, selectedId, selectArticle);

  const updatePreferences = useCallback(
    (patch: Partial<Preferences>) => {
      api.setPreferences(patch).then((next) => {
        setState((s) => (s ? { ...s, preferences: next } : s));
        applyLanguage(next.language);
      }, report);
    },
    [api, report],
  );

  const openFolder = useCallback(
    (path: string) => {
      api.openLibrary({ path }).then(() => refreshState(), report);
    },
    [api, refreshState, report],
  );

  const chooseFolder = useCallback(() => {
    api.chooseLibraryFolder({}).then((info) => info && refreshState(), report);
  }, [api, refreshState, report]);

  const step = useCallback(
    (delta: number) => {
      if (visibleIds.length === 0) return;
      const index = selectedId ? visibleIds.indexOf(selectedId) : -1;
      const next = visibleIds[Math.min(visibleIds.length - 1, Math.max(0, index + delta))];
      if (next && next !== selectedId) selectArticle(next);
    },
    [visibleIds, selectedId, selectArticle],
  );

  // Jumps wait until the article (and, for a highlight, its placed highlights) is on screen.
  useEffect(() => {
    if (!jump || !shown || shown.id !== jump.articleId) return;
    let range = jump.hit ? (locateHit(shown.doc.text, jump.hit) ?? undefined) : undefined;
    const target = jump.annotationId ? coding.annotations.find((a) => a.id === jump.annotationId) : undefined;
    if (jump.annotationId) {
      if (!target) return;
      range = target.range ?? undefined;
    }
    const timer = setTimeout(() => {
      if (target) setActiveId(target.id);
      if (range) reader.current?.jumpTo(range);
      setJump(null);
    }, 30);
    return () => clearTimeout(timer);
  }, [jump, shown, coding.annotations]);

  const active = coding.annotations.find((a) => a.id === activeId) ?? null;
  const rows = useMemo(() => tagRows(coding.tags), [coding.tags]);

  const clearSelection = () => window.getSelection()?.removeAllRanges();

  // Every key or click that saves the pending selection goes through here; useCoding makes one
  // highlight per selection however often it is called.
  const createFromPending = useCallback(
    async (tagIds: string[], note = '', color: string | null = null) => {
      const chosen = pending;
      if (!chosen || codingOff) return;
      const created = await coding.createAnnotation(chosen, { tagIds, note, color });
      if (!created) return;
      if (created.placement === 'relocated') {
        // The text had changed under the reader: it shows the new one, with the highlight on it.
        setNotice(t('annotations.relocated'));
        relocated.current = true;
        setReloads((n) => n + 1);
      }
      if (pendingRef.current?.id !== chosen.id) return; // the user has moved on meanwhile
      clearSelection();
      setPending(null);
      setEditor(null);
      setActiveId(created.id);
    },
    [pending, coding, codingOff, t],
  );

  const deleteActive = useCallback(
    async (a: AnchoredAnnotation | null) => {
      if (!a || codingOff) return;
      if (await coding.deleteAnnotation(a.id)) {
        setNotice(t('undo.deleted'));
        if (activeId === a.id) {
          setActiveId(null);
          setEditor(null);
        }
      }
    },
    [coding, activeId, codingOff, t],
  );

  const cycle = useCallback(
    (delta: number) => {
      const placed = coding.annotations.filter((a) => a.range);
      if (placed.length === 0) return;
      const index = placed.findIndex((a) => a.id === activeId);
      const next = placed[(index + delta + placed.length) % placed.length]!;
      setActiveId(next.id);
      setEditor(null);
      reader.current?.jumpTo(next.range!);
    },
    [coding.annotations, activeId],
  );

  const undo = useCallback(() => {
    void coding.undo().then((entry) => entry && setNotice(t('undo.undone', { what: t(entry.label) })));
  }, [coding, t]);
  const redo = useCallback(() => {
    void coding.redo().then((entry) => entry && setNotice(t('undo.redone', { what: t(entry.label) })));
  }, [coding, t]);

  const toggleSnap = useCallback(() => {
    setSnapSentences((on) => {
      localStorage.setItem(SNAP_KEY, on ? '0' : '1');
      return !on;
    });
  }, []);

  const toggleTheme = useCallback(() => {
    const dark = document.documentElement.dataset.theme === 'dark';
    updatePreferences({ theme: dark ? 'light' : 'dark' });
  }, [updatePreferences]);

  const openExport = useCallback((tab: ExportTab = 'export') => {
    setExportTab(tab);
    setDialog('export');
  }, []);

  const bindings = useMemo(() => {
    const keys: Record<string, () => void> = {
      j: () => step(1),
      k: () => step(-1),
      h: () => void createFromPending(coding.lastTagIds),
      n: () => {
        if (codingOff) return;
        if (activeId) setEditor({ kind: 'edit', focus: 'note' });
        else if (pending) setEditor({ kind: 'new', focus: 'note' });
      },
      t: () => {
        if (codingOff) return;
        if (activeId) setEditor({ kind: 'edit', focus: 'tags' });
        else if (pending) setEditor({ kind: 'new', focus: 'tags' });
      },
      Enter: () => activeId && !codingOff && setEditor({ kind: 'edit', focus: 'tags' }),
      Delete: () => void deleteActive(active),
      Backspace: () => void deleteActive(active),
      Escape: () => {
        if (editor) setEditor(null);
        else if (pending) {
          setPending(null);
          clearSelection();
        } else setActiveId(null);
      },
      '[': () => cycle(-1),
      ']': () => cycle(1),
      s: toggleSnap,
      '/': () => document.querySelector<HTMLInputElement>('.search-box')?.focus(),
      '?': () => setDialog('shortcuts'),
    };
    rows.slice(0, 9).forEach((row, i) => {
      keys[String(i + 1)] = () => {
        if (codingOff) return;
        if (activeId) void coding.toggleTag(activeId, row.tag.id);
        else if (pending) void createFromPending([row.tag.id]);
      };
    });
    return { keys, undo, redo, export: () => openExport() };
  }, [
    openExport,
    step,
    createFromPending,
    codingOff,
    coding,
    activeId,
    pending,
    editor,
    active,
    deleteActive,
    cycle,
    toggleSnap,
    rows,
    undo,
    redo,
  ]);
  useKeyboardShortcuts(bindings);

  // Menu commands from the desktop host.
  useEffect(
    () =>
      bridge.onEvent((event) => {
        if (event.type !== 'menu') return;
        if (event.command === 'toggle-theme') toggleTheme();
        else if (event.command === 'shortcuts') setDialog('shortcuts');
        else if (event.command === 'about') setDialog('about');
        else if (event.command === 'export') openExport('export');
        else if (event.command === 'import') openExport('import');
      }),
    [bridge, toggleTheme, openExport],
  );

  // A folder dropped on the window opens it (the desktop app knows paths; a browser does not).
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      const files = window.glossFiles;
      if (files) files.openDroppedFolder(file).then(() => refreshState(), report);
      else setNotice(t('app.dropInBrowser'));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [refreshState, report, t]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  if (!state)
    return <div className="app-loading">{error ? t('app.error', { message: error }) : t('app.loading')}</div>;

  const openHit = (articleId: string, hit: SearchHit) => {
    selectArticle(articleId);
    setView('reader');
    setJump({ articleId, hit });
  };

  const openListed = (item: AnnotationListItem) => {
    selectArticle(item.articleId);
    setView('reader');
    setJump({ articleId: item.articleId, annotationId: item.id });
  };

  const selectedArticle = selectedId ? (list?.articles.find((a) => a.id === selectedId) ?? null) : null;
  const articleTitle = (id: string) => list?.articles.find((a) => a.id === id)?.title ?? null;

  const popoverAnchor = editor?.kind === 'edit' ? active?.range : pending;
  const popover =
    popoverAnchor && !codingOff && (editor || pending) && (editor?.kind !== 'edit' || active)
      ? {
          anchor: popoverAnchor,
          content: (
            <AnnotationEditor
              key={
                editor?.kind === 'edit'
                  ? `edit:${activeId}:${editor.focus}`
                  : `new:${pending?.id}:${editor?.focus ?? 'none'}`
              }
              annotation={editor?.kind === 'edit' ? active : null}
              tags={coding.tags}
              tagsById={coding.tagsById}
              initialTagIds={[]}
              focus={editor?.focus ?? 'none'}
              onCommit={(draft) => void createFromPending(draft.tagIds, draft.note, draft.color)}
              onChange={(patch) => activeId && void coding.updateAnnotation(activeId, patch)}
              onCreateTag={(name) => coding.createTag({ name })}
              onDelete={() => void deleteActive(active)}
              onClose={() => {
                setEditor(null);
                if (editor?.kind !== 'edit') {
                  setPending(null);
                  clearSelection();
                }
                reader.current?.focusBody();
              }}
            />
          ),
        }
      : null;

  return (
    <div className="app" data-testid="app">
      <Toolbar
        state={state}
        onOpenFolder={openFolder}
        onChooseFolder={chooseFolder}
        onPreferences={updatePreferences}
        searchQuery={searchQuery}
        onSearch={setSearchQuery}
        canUndo={coding.canUndo}
        canRedo={coding.canRedo}
        onUndo={undo}
        onRedo={redo}
        snapSentences={snapSentences}
        onToggleSnap={toggleSnap}
        highlightsOpen={view === 'highlights'}
        onToggleHighlights={() => setView((v) => (v === 'highlights' ? 'reader' : 'highlights'))}
        onCodebook={() => setDialog('codebook')}
        onShortcuts={() => setDialog('shortcuts')}
        onExport={() => openExport()}
      />
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
          version={changes}
        />
      )}
      {notice && (
        <div className="notice-banner" role="status" data-testid="notice">
          {notice}
          {coding.canUndo && notice === t('undo.deleted') && (
            <button type="button" onClick={undo}>
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
          api={api}
          list={list}
          tags={coding.tags}
          changes={changes}
          selectedId={selectedId}
          onSelect={selectArticle}
          onVisibleChange={setVisibleIds}
          onFilterChange={setLibraryFilter}
          onError={report}
        />
        <section className="reader-column">
          {searchQuery.trim() && view === 'reader' && (
            <SearchResults
              api={api}
              query={searchQuery.trim()}
              indexing={list?.progress.scanning === true && list.progress.phase === 'indexing'}
              onOpen={openHit}
              onClose={() => setSearchQuery('')}
            />
          )}
          {view === 'highlights' ? (
            <HighlightsView
              api={api}
              tags={coding.tags}
              tagsById={coding.tagsById}
              version={changes}
              onOpen={openListed}
              onClose={() => setView('reader')}
              onError={report}
              onFilterChange={setHighlightsFilter}
            />
          ) : (
            <ReaderPane
              ref={reader}
              article={shown}
              fontSize={preferences?.fontSize ?? 18}
              annotations={coding.annotations}
              tagsById={coding.tagsById}
              activeId={activeId}
              pending={pending}
              fileRemoved={codingOff}
              snapSentences={snapSentences}
              loadImages={imagesShown}
              popover={popover}
              onLoadImages={(on) =>
                api.setLibraryOptions({ loadRemoteImages: on }).then(refreshState, report)
              }
              onPrevious={() => step(-1)}
              onNext={() => step(1)}
              onSelectText={(range) => {
                setPending((previous) =>
                  range && shown && !codingOff ? pendingSelection(shown, range, previous) : null,
                );
                if (range) {
                  setActiveId(null);
                  setEditor(null);
                } else if (editor?.kind === 'new') setEditor(null);
              }}
              onActivate={(id) => {
                setActiveId(id);
                setEditor(id ? { kind: 'edit', focus: 'none' } : null);
              }}
            />
          )}
        </section>
        <AnnotationsPane
          api={api}
          article={shown}
          annotations={coding.annotations}
          tagsById={coding.tagsById}
          activeId={activeId}
          canReattach={pending !== null && !codingOff}
          readOnly={codingOff}
          onOpen={(a) => {
            setActiveId(a.id);
            setEditor(null);
            if (a.range) reader.current?.jumpTo(a.range);
          }}
          onReattach={(a) => {
            if (!pending || codingOff) return;
            void coding.updateAnnotation(a.id, { moveTo: pending }).then((updated) => {
              if (updated) {
                setPending(null);
                clearSelection();
                setActiveId(a.id);
              }
            });
          }}
          onDelete={(a) => void deleteActive(a)}
          onError={report}
        />
      </main>
      {dialog === 'codebook' && (
        <CodebookDialog api={api} coding={coding} onClose={() => setDialog(null)} onError={report} />
      )}
      {dialog === 'export' && (
        <ExportDialog
          api={api}
          nativeDialogs={state.nativeDialogs}
          article={selectedArticle ? { id: selectedArticle.id, title: selectedArticle.title } : null}
          filter={view === 'highlights' ? highlightsFilter : libraryFilter}
          tagsById={coding.tagsById}
          articleTitle={articleTitle}
          initialTab={exportTab}
          onImported={() => {
            coding.refresh();
            refreshList();
            setChanges((n) => n + 1);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {(dialog === 'shortcuts' || dialog === 'about') && (
        <ShortcutsSheet
          onClose={() => setDialog(null)}
          about={dialog === 'about' ? t('app.about', { version: state.version }) : undefined}
        />
      )}
    </div>
  );
}
