/**
 * The middle column: the reader, or in its place the search results (while a query's results are
 * open), the library-wide highlights view or the agreement view. The reader reports selections
 * and clicks on highlights as navigation events.
 */
import { lazy, Suspense, useCallback, type Dispatch, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleList } from '../../../core/api/library-contract.js';
import type { OpenedArticle } from '../../../core/model.js';
import type { HostBridge } from '../api/api-client.js';
import type { Coding } from '../coding/use-coding.js';
import { pendingSelection, type PendingSelection } from '../coding/pending-selection.js';
import { HighlightsView } from '../components/HighlightsView.js';
import { AgreementView } from '../components/agreement/AgreementView.js';
import { CodeHitsButton } from '../components/analysis/CodeHitsButton.js';
import { ReaderPane, type ReaderHandle } from '../components/ReaderPane.js';
import { SearchResults } from '../components/SearchResults.js';
import type { HighlightsFilter } from '../export/export-settings.js';
import type { CoderSummary } from '../coders/coder-types.js';
import type { Layer } from '../coders/layers.js';
import type { Navigation, NavigationEvent } from '../state/navigation.js';
import type { SearchView } from '../search/use-search-view.js';
import { EditorPopover, popoverAnchor } from './EditorPopover.js';
import { clearSelection, type useCodingCommands } from './use-coding-commands.js';
import type { ChosenSet } from '../export/export-settings.js';

// The Analysis area carries the chart library: loaded when first opened, not with the app.
const AnalysisView = lazy(() =>
  import('../components/analysis/AnalysisView.js').then((m) => ({ default: m.AnalysisView })),
);

interface ReaderColumnProps {
  api: HostBridge['api'];
  nav: Navigation;
  dispatch: Dispatch<NavigationEvent>;
  reader: RefObject<ReaderHandle | null>;
  list: ArticleList | null;
  shown: OpenedArticle | null;
  pending: PendingSelection | null;
  codingOff: boolean;
  coding: Coding;
  commands: ReturnType<typeof useCodingCommands>;
  searchView: SearchView;
  fontSize: number;
  snapSentences: boolean;
  wholeWords: boolean;
  imagesShown: boolean;
  onLoadImages(on: boolean): void;
  onHighlightsFilter(filter: HighlightsFilter): void;
  /** Whose highlights are shown; the highlights view asks for those. */
  layer: Layer;
  onLayer(layer: Layer): void;
  coders: readonly CoderSummary[];
  myCoderId: string;
  /** The desktop's save dialog is there (the agreement CSV is saved, not downloaded). */
  nativeDialogs: boolean;
  /** The articles the library list shows (its filter), for the agreement view to compare. */
  listedIds: readonly string[];
  /** The set chosen in the library list: the highlights view and agreement keep to its articles. */
  chosenSet?: ChosenSet;
}

export function ReaderColumn(props: ReaderColumnProps) {
  const { api, nav, dispatch, reader, list, shown, pending, codingOff, coding, commands } = props;
  const { t } = useTranslation();
  const { searchView } = props;
  const progress = list?.progress;
  const editorKind = nav.editor?.kind;
  const closeEditor = useCallback(() => {
    if (editorKind !== 'edit') clearSelection();
    dispatch({ type: 'close-editor' });
    reader.current?.focusBody();
  }, [editorKind, dispatch, reader]);
  const target = { editor: nav.editor, active: commands.active, pending, codingOff };
  const anchor = popoverAnchor(target);
  const popover = anchor && {
    anchor,
    content: (
      <EditorPopover
        {...target}
        coding={coding}
        onCommit={(tagIds, note, color) => void commands.createFromPending(tagIds, note, color)}
        onDelete={() => void commands.deleteHighlight(commands.active)}
        onCopy={() => void commands.copyToMine(commands.active)}
        onClose={closeEditor}
      />
    ),
  };
  return (
    <section className="reader-column">
      {nav.view === 'analysis' ? (
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <AnalysisView
            api={api}
            tags={coding.tags}
            nativeDialogs={props.nativeDialogs}
            listedIds={props.listedIds}
            libraryCount={list?.articles.length ?? 0}
            onOpenAt={(articleId, annotationId) =>
              dispatch({ type: 'open-at', jump: { articleId, annotationId } })
            }
            onClose={() => dispatch({ type: 'set-view', view: 'reader' })}
          />
        </Suspense>
      ) : nav.view === 'agreement' ? (
        <AgreementView
          api={api}
          tags={coding.tags}
          folders={list?.articles.map((a) => a.folder) ?? []}
          nativeDialogs={props.nativeDialogs}
          listedIds={props.listedIds}
          set={props.chosenSet}
          onOpenArticle={(articleId) => dispatch({ type: 'open-at', jump: { articleId } })}
          onClose={() => dispatch({ type: 'set-view', view: 'reader' })}
          record={coding.record}
          onUndo={commands.undo}
        />
      ) : nav.view === 'reader' && searchView.resultsOpen && searchView.search.query ? (
        <SearchResults
          search={searchView.search}
          width={searchView.width}
          onWidth={searchView.setWidth}
          onMore={searchView.showMore}
          progress={progress?.phase === 'cleaning' || progress?.scanning ? progress : null}
          onOpen={(articleId, hit) => {
            searchView.setResultsOpen(false);
            dispatch({ type: 'open-at', jump: hit ? { articleId, hit } : { articleId } });
          }}
          onClose={() => searchView.setQuery('')}
          actions={
            <CodeHitsButton
              api={api}
              query={searchView.search.query}
              tags={coding.tags}
              disabled={coding.tags.length === 0}
              onApply={coding.autocode}
            />
          }
        />
      ) : nav.view === 'highlights' ? (
        <HighlightsView
          api={api}
          tags={coding.tags}
          tagsById={coding.tagsById}
          onOpen={(item) =>
            dispatch({ type: 'open-at', jump: { articleId: item.articleId, annotationId: item.id } })
          }
          onClose={() => dispatch({ type: 'set-view', view: 'reader' })}
          onFilterChange={props.onHighlightsFilter}
          layer={props.layer}
          onLayer={props.onLayer}
          coders={props.coders}
          myCoderId={props.myCoderId}
          set={props.chosenSet}
        />
      ) : (
        <ReaderPane
          ref={reader}
          article={shown}
          fontSize={props.fontSize}
          annotations={coding.annotations}
          tagsById={coding.tagsById}
          activeId={nav.activeId}
          pending={pending}
          fileRemoved={codingOff}
          snapSentences={props.snapSentences}
          wholeWords={props.wholeWords}
          loadImages={props.imagesShown}
          popover={popover}
          onLoadImages={props.onLoadImages}
          onPrevious={() => commands.step(-1)}
          onNext={() => commands.step(1)}
          onSelectText={(range) =>
            dispatch({
              type: 'select-text',
              selection: range && shown && !codingOff ? pendingSelection(shown, range, nav.pending) : null,
            })
          }
          onActivate={(id) => dispatch({ type: 'click-highlight', id })}
        />
      )}
    </section>
  );
}
