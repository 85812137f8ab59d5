/**
 * The reader: the article's metadata header (components/reader/ArticleHeader.tsx) and its cleaned
 * body, with the highlights painted on it (CSS Custom Highlight API, no DOM changes), text
 * selection → canonical offsets, click on a highlight (cycling through overlapping ones), jumps
 * with a flash, the remembered reading position, and remote-image placeholders. Each of those is
 * a hook under reader/; this file wires them in the order their effects must run.
 */
import { useImperativeHandle, useRef } from 'react';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation, Article, Tag } from '../../../core/model.js';
import type { OffsetRange } from '../reader/text-map.js';
import { articleLanguage } from '../reader/article-language.js';
import { useArticleBody } from '../reader/use-article-body.js';
import { useHighlightPaint } from '../reader/use-highlight-paint.js';
import { useRemoteImages } from '../reader/use-remote-images.js';
import { useReadingPosition } from '../reader/use-reading-position.js';
import { usePopoverPosition } from '../reader/use-popover-position.js';
import { useJumpFlash } from '../reader/use-jump-flash.js';
import { useHighlightClick } from '../reader/use-highlight-click.js';
import { useReaderSelection } from '../reader/use-reader-selection.js';
import { ArticleHeader } from './reader/ArticleHeader.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

export interface ReaderHandle {
  /** Scrolls to a passage and flashes it. */
  /** Scroll to `range` and flash it; a `searchHit` stays marked until the next jump. */
  jumpTo(range: OffsetRange, searchHit?: boolean): void;
  /** Extends or starts a keyboard selection, e.g. from Shift+Arrow. */
  focusBody(): void;
}

interface ReaderPaneProps {
  article: Article | null;
  fontSize: number;
  annotations: AnchoredAnnotation[];
  tagsById: ReadonlyMap<string, Tag>;
  activeId: string | null;
  /** A selection kept for the popover while focus is in its inputs. */
  pending: OffsetRange | null;
  /** The article's file is gone from disk: the text stays on screen, coding is off. */
  fileRemoved: boolean;
  snapSentences: boolean;
  /** An English selection cut inside a word takes the whole word. */
  wholeWords: boolean;
  loadImages: boolean;
  /** Where the popover points (a highlight or the selection) and what it shows. */
  popover: { anchor: OffsetRange; content: ReactNode } | null;
  /** Switches remote images on or off for the library. */
  onLoadImages(on: boolean): void;
  onPrevious(): void;
  onNext(): void;
  onSelectText(range: OffsetRange | null): void;
  onActivate(id: string | null): void;
  ref?: Ref<ReaderHandle>;
}

function ReaderPaneContent(props: ReaderPaneProps) {
  const { article, fontSize, annotations, tagsById, activeId, pending, snapSentences, loadImages, popover } =
    props;
  const { onSelectText, onActivate, ref } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // Stops the re-aligning of the last jump or restored position (see scroll-to-range.ts).
  const stopScrolling = useRef<() => void>(() => undefined);

  // The hooks' effects run in this order, which matters: the body and its text map first (a stale
  // map once painted old positions on new text), then the highlights painted in a layout effect
  // before the frame that would show them, then what reads the painted, laid-out text.
  const { nodes, map } = useArticleBody(body, article);
  useHighlightPaint(map, annotations, tagsById, activeId, pending);
  useRemoteImages(body, nodes, loadImages, t);
  const offsetAtTop = useReadingPosition(scroller, body, map, article, stopScrolling);
  const popoverPos = usePopoverPosition(scroller, popover, map, fontSize);
  const jumpTo = useJumpFlash(scroller, map, stopScrolling);
  useImperativeHandle(
    ref,
    () => ({
      jumpTo,
      focusBody() {
        body.current?.focus();
      },
    }),
    [jumpTo],
  );
  const onPlainClick = useHighlightClick(body, map, annotations, onActivate);
  const handlers = useReaderSelection({
    bodyRef: body,
    map,
    snapSentences,
    wholeWords: props.wholeWords,
    onSelectText,
    offsetAtTop,
    onPlainClick,
  });

  if (!article) {
    return (
      <article className="reader empty-reader">
        <p className="muted">{t('reader.empty')}</p>
      </article>
    );
  }
  return (
    <article
      className="reader"
      ref={scroller}
      style={{ fontSize }}
      data-testid="reader"
      lang={articleLanguage(article)}
    >
      <ArticleHeader
        article={article}
        fileRemoved={props.fileRemoved}
        loadImages={loadImages}
        onLoadImages={props.onLoadImages}
        onPrevious={props.onPrevious}
        onNext={props.onNext}
      />
      <div
        className="article-body"
        data-testid="article-body"
        ref={body}
        tabIndex={0}
        aria-label={t('reader.body')}
        onMouseDown={handlers.onMouseDown}
        onMouseUp={handlers.onMouseUp}
        onKeyDown={handlers.onKeyDown}
        onKeyUp={handlers.onKeyUp}
      />
      {popover && popoverPos && (
        <div className="popover-anchor" style={{ top: popoverPos.top, left: popoverPos.left }}>
          {popover.content}
        </div>
      )}
    </article>
  );
}

export const ReaderPane = withPaneBoundary(ReaderPaneContent, {
  pane: 'reader',
  className: 'reader',
  resetKey: (props) => props.article?.id,
});
