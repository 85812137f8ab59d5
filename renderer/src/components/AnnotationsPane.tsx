/**
 * The annotations pane: the open article's highlights in reading order (click one to go to it),
 * the highlights that could not be placed on the current text ("needs review": re-attach to the
 * selection, or delete), and the article's memo (saved as the user pauses typing).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Tag } from '../../../core/model.js';
import type { ListedAnnotation } from '../../../core/api/annotation-contract.js';
import type { Layer } from '../coders/layers.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { useAfterPaint } from '../hooks/use-after-paint.js';
import { articleLanguage } from '../reader/article-language.js';
import { AnnotationItem } from './annotations/AnnotationItem.js';
import { MemoEditor } from './annotations/MemoEditor.js';
import { NeedsReview } from './annotations/NeedsReview.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

interface AnnotationsPaneProps {
  api: GlossApi;
  article: Article | null;
  annotations: ListedAnnotation[];
  tagsById: ReadonlyMap<string, Tag>;
  activeId: string | null;
  /** True when there is a text selection to re-attach a highlight to. */
  canReattach: boolean;
  /** The article's file is gone: its highlights are shown but cannot be changed. */
  readOnly: boolean;
  /** Whose highlights and memos are shown (the highlights come filtered already). */
  layer: Layer;
  /** The library holds more than one coder's work: cards show whose they are by colour. */
  severalCoders: boolean;
  /** "Show: mine / all / chosen coders", beside the heading. */
  layerMenu?: ReactNode;
  onOpen(annotation: ListedAnnotation): void;
  onReattach(annotation: ListedAnnotation): void;
  onDelete(annotation: ListedAnnotation): void;
  onError(err: unknown): void;
}

const NONE: ListedAnnotation[] = [];

/** Estimated height of a list item before it is measured, and the space between items (px). */
const ITEM_ESTIMATE = 64;
const ITEM_GAP = 6;

function AnnotationsPaneContent(props: AnnotationsPaneProps) {
  const { article, tagsById, activeId } = props;
  // The list may hold a thousand items: rendered once the reader has painted the article's
  // highlights, so opening an article is not held up by this pane.
  const shown = useAfterPaint(props.annotations);
  // Meanwhile another article's list is not shown beside this one.
  const annotations = shown[0] && shown[0].articleId !== article?.id ? NONE : shown;
  const text = article?.doc.text ?? '';
  // Quotes are set in the article's language, so they get its font stack.
  const quoteLang = article ? articleLanguage(article) : undefined;
  const { t } = useTranslation();
  const placed = annotations.filter((a) => a.range);
  const orphans = annotations.filter((a) => !a.range);

  // Only the items in view (and a few around) are in the DOM: a thousand of them took ~30 ms to
  // build and style when an article opened. The pane itself scrolls; the list starts below its
  // heading, hence the scroll margin.
  const pane = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const virtualizer = useVirtualizer({
    count: placed.length,
    getScrollElement: () => pane.current,
    estimateSize: () => ITEM_ESTIMATE,
    overscan: 6,
    gap: ITEM_GAP,
    scrollMargin: list.current?.offsetTop ?? 0,
    getItemKey: (index) => placed[index]!.id,
  });

  // The active highlight (clicked in the text, or reached from the highlights view) is brought
  // into view here too.
  const activeIndex = placed.findIndex((a) => a.id === activeId);
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <aside
      className="annotations-pane"
      aria-label={t('annotations.title')}
      data-testid="annotations-pane"
      ref={pane}
    >
      <div className="pane-heading">
        <h2>
          {t('annotations.title')}
          {article && <span className="count-badge">{placed.length}</span>}
        </h2>
        {props.layerMenu}
      </div>
      {article && placed.length === 0 && <p className="muted">{t('annotations.empty')}</p>}
      <ol className="annotation-list virtual" style={{ height: virtualizer.getTotalSize() }} ref={list}>
        {virtualizer.getVirtualItems().map((row) => {
          const a = placed[row.index]!;
          return (
            <li
              key={a.id}
              data-index={row.index}
              ref={virtualizer.measureElement}
              aria-posinset={row.index + 1}
              aria-setsize={placed.length}
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              <AnnotationItem
                annotation={a}
                text={text}
                quoteLang={quoteLang}
                tagsById={tagsById}
                active={a.id === activeId}
                coderEdges={props.severalCoders}
                onOpen={props.onOpen}
              />
            </li>
          );
        })}
      </ol>
      {orphans.length > 0 && (
        <NeedsReview
          orphans={orphans}
          text={text}
          quoteLang={quoteLang}
          canReattach={props.canReattach}
          readOnly={props.readOnly}
          onReattach={props.onReattach}
          onDelete={props.onDelete}
        />
      )}
      {article && (
        <MemoEditor
          key={article.id}
          api={props.api}
          articleId={article.id}
          layer={props.layer}
          onError={props.onError}
        />
      )}
    </aside>
  );
}

export const AnnotationsPane = withPaneBoundary(AnnotationsPaneContent, {
  pane: 'annotations',
  className: 'annotations-pane',
  resetKey: (props) => props.article?.id,
});
