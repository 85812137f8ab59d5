/**
 * The reader: the article's metadata header and its cleaned body, with the highlights painted on
 * it (CSS Custom Highlight API, no DOM changes), text selection → canonical offsets, click on a
 * highlight (cycling through overlapping ones), jumps with a flash, the remembered reading
 * position, and remote-image placeholders.
 */
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { warningText } from '../article-warning-text.js';
import type { AnchoredAnnotation, Article, Tag } from '../../../core/model.js';
import { snapToSentence } from '../../../core/anchor/snap-to-sentence.js';
import { putArticleBody, sanitizeArticleNodes } from '../sanitize-article.js';
import { formatDate } from '../format-date.js';
import {
  buildTextMap,
  offsetOfPoint,
  offsetsOfRange,
  rangeOfOffsets,
  type OffsetRange,
  type TextMap,
} from '../reader/text-map.js';
import {
  ACTIVE_HIGHLIGHT,
  FLASH_HIGHLIGHT,
  PENDING_HIGHLIGHT,
  clearAllHighlights,
  paintHighlights,
  paintSpecial,
} from '../reader/highlight-painter.js';
import { colorOfAnnotation } from '../coding/annotation-colors.js';
import {
  followReadingPosition,
  loadReadingPosition,
  saveReadingPosition,
} from '../reader/reading-position.js';
import { scrollToRange } from '../reader/scroll-to-range.js';
import { articleLanguage } from '../reader/article-language.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

export interface ReaderHandle {
  /** Scrolls to a passage and flashes it. */
  jumpTo(range: OffsetRange): void;
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

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPoint | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

const NO_NODES: Node[] = [];

function ReaderPaneContent(props: ReaderPaneProps) {
  const { article, fontSize, annotations, tagsById, activeId, pending, snapSentences, loadImages, popover } =
    props;
  const { onSelectText, onActivate, ref } = props;
  const { t, i18n } = useTranslation();
  const nodes = useMemo(() => (article ? sanitizeArticleNodes(article.doc.html) : NO_NODES), [article]);
  const scroller = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // The text map of the body on screen, tagged with its article so a stale one is never used (the
  // same article loaded again after its file changed is another text).
  const [mapped, setMapped] = useState<{ article: Article; map: TextMap } | null>(null);
  const map = mapped && article && mapped.article === article ? mapped.map : null;
  /** The article (and its text) whose reading position was last restored. */
  const restoredFor = useRef<{ id: string; text: string } | null>(null);
  // Stops the re-aligning of the last jump (see scroll-to-range.ts).
  const stopScrolling = useRef<() => void>(() => undefined);
  const lastClick = useRef<{ key: string; index: number } | null>(null);
  const [popoverPos, setPopoverPos] = useState<{ top: number; left: number } | null>(null);

  // The body's content is the sanitized nodes, moved in; React never renders inside it. First of
  // the layout effects: the ones below read it.
  useLayoutEffect(() => {
    if (body.current) putArticleBody(body.current, nodes);
  }, [nodes]);

  // The canonical text of what is on screen, and a loud warning if it differs from core's.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || !article) {
      setMapped(null);
      return;
    }
    const next = buildTextMap(el);
    if (next.text !== article.doc.text) {
      el.dataset.textMismatch = 'true';
      console.warn('Gloss: the rendered text differs from the article text; highlights may be misplaced.');
    } else {
      delete el.dataset.textMismatch;
    }
    setMapped({ article, map: next });
  }, [nodes, article]);

  useEffect(() => clearAllHighlights, []);

  // Paint every placed highlight in its colour, before the browser renders the commit that brought
  // them (a layout effect): the highlights come in the same frame as the text and the list, not
  // one frame and one restyle later.
  useLayoutEffect(() => {
    if (!map) {
      clearAllHighlights();
      return;
    }
    const items = [];
    for (const a of annotations) {
      if (!a.range) continue;
      const range = rangeOfOffsets(map, a.range.start, a.range.end);
      if (range) items.push({ range, color: colorOfAnnotation(a, tagsById) });
    }
    paintHighlights(items);
  }, [map, annotations, tagsById]);

  useEffect(() => {
    const a = annotations.find((x) => x.id === activeId);
    const range = map && a?.range ? rangeOfOffsets(map, a.range.start, a.range.end) : null;
    paintSpecial(ACTIVE_HIGHLIGHT, range ? [range] : [], 2);
  }, [map, annotations, activeId]);

  useEffect(() => {
    const range = map && pending ? rangeOfOffsets(map, pending.start, pending.end) : null;
    paintSpecial(PENDING_HIGHLIGHT, range ? [range] : [], 3);
  }, [map, pending]);

  // Remote images: placeholders by default; the real image inside the placeholder when allowed.
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const label = t('reader.imagePlaceholder');
    for (const span of el.querySelectorAll<HTMLElement>('.gloss-image[data-src]')) {
      const src = span.dataset.src ?? '';
      span.dataset.label = label; // an attribute, not text: offsets are unaffected
      const existing = span.querySelector('img');
      if (loadImages && /^https:\/\//i.test(src)) {
        if (!existing) {
          const img = document.createElement('img');
          img.src = src;
          img.alt = span.dataset.alt ?? '';
          img.referrerPolicy = 'no-referrer';
          img.loading = 'lazy';
          span.append(img);
          span.classList.add('loaded');
        }
      } else if (existing) {
        existing.remove();
        span.classList.remove('loaded');
      }
    }
  }, [nodes, loadImages, t]);

  // Reading position: restored once when an article's text is on screen, saved as the user scrolls.
  // When the same article comes back with another text (its file changed on disk), the place read
  // is followed into the new text.
  useLayoutEffect(() => {
    const container = scroller.current;
    if (!container || !map || !article) return;
    const before = restoredFor.current;
    if (before?.id === article.id && before.text === article.doc.text) return;
    restoredFor.current = { id: article.id, text: article.doc.text };
    let offset = loadReadingPosition(article.id);
    if (before?.id === article.id) {
      offset = followReadingPosition(before.text, article.doc.text, offset);
      saveReadingPosition(article.id, offset);
    }
    stopScrolling.current();
    container.scrollTop = 0;
    if (offset > 0) {
      stopScrolling.current = scrollToRange(
        container,
        () => rangeOfOffsets(map, offset, offset),
        () => 12,
      );
    }
  }, [map, article]);
  useEffect(() => () => stopScrolling.current(), []);

  const offsetAtTop = useCallback((): number => {
    const container = scroller.current;
    const el = body.current;
    if (!container || !el || !map) return 0;
    const box = container.getBoundingClientRect();
    const bodyBox = el.getBoundingClientRect();
    if (bodyBox.top >= box.top) return 0;
    const point = caretAt(bodyBox.left + 4, box.top + 16);
    return point && el.contains(point.node)
      ? Math.max(0, offsetOfPoint(map, point.node, point.offset, 'start'))
      : 0;
  }, [map]);

  useEffect(() => {
    const container = scroller.current;
    if (!container || !article) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => saveReadingPosition(article.id, offsetAtTop()), 250);
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      container.removeEventListener('scroll', onScroll);
    };
  }, [article, offsetAtTop]);

  // Where the popover goes: below the passage it is about, inside the scrolling reader.
  useLayoutEffect(() => {
    const container = scroller.current;
    const range =
      popover && map && container ? rangeOfOffsets(map, popover.anchor.start, popover.anchor.end) : null;
    const rects = range ? [...range.getClientRects()] : [];
    const last = rects[rects.length - 1];
    let pos: { top: number; left: number } | null = null;
    if (container && last) {
      const box = container.getBoundingClientRect();
      const width = Math.min(360, box.width - 24);
      const left = Math.min(Math.max(8, last.left - box.left - 40), box.width - width - 16);
      pos = { top: last.bottom - box.top + container.scrollTop + 8, left };
    }
    setPopoverPos(pos);
  }, [popover, map, fontSize]);

  const flashTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useImperativeHandle(
    ref,
    () => ({
      jumpTo(target) {
        const container = scroller.current;
        if (!map || !container) return;
        const range = rangeOfOffsets(map, target.start, target.end);
        if (!range) return;
        stopScrolling.current();
        stopScrolling.current = scrollToRange(
          container,
          () => rangeOfOffsets(map, target.start, target.end),
          (box) => box.height / 3,
        );
        paintSpecial(FLASH_HIGHLIGHT, [range], 4);
        clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => paintSpecial(FLASH_HIGHLIGHT, []), 1600);
      },
      focusBody() {
        body.current?.focus();
      },
    }),
    [map],
  );

  /** Reads the document selection; returns its canonical offsets (snapped when asked). */
  const readSelection = useCallback(
    (snap: boolean): OffsetRange | null => {
      const el = body.current;
      const selection = window.getSelection();
      if (!el || !map || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const offsets = offsetsOfRange(map, el, selection.getRangeAt(0));
      if (!offsets || !snap) return offsets;
      const snapped = snapToSentence(map.text, offsets);
      const range = rangeOfOffsets(map, snapped.start, snapped.end);
      if (range) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      return snapped;
    },
    [map],
  );

  const onMouseUp = (event: React.MouseEvent) => {
    if (event.button !== 0) return;
    const selected = readSelection(snapSentences || event.altKey);
    if (selected) {
      onSelectText(selected);
      return;
    }
    onSelectText(null);
    // A plain click: which highlights are under the pointer? Smallest first; clicking the same
    // spot again moves to the next one.
    const el = body.current;
    const point = caretAt(event.clientX, event.clientY);
    if (!el || !map || !point || !el.contains(point.node)) {
      onActivate(null);
      return;
    }
    const offset = offsetOfPoint(map, point.node, point.offset, 'start');
    const hits = annotations
      .filter((a) => a.range && a.range.start <= offset && offset <= a.range.end)
      .filter((a) => {
        const range = rangeOfOffsets(map, a.range!.start, a.range!.end);
        return range ? rangeContainsPoint(range, event.clientX, event.clientY) : false;
      })
      .sort((a, b) => a.range!.end - a.range!.start - (b.range!.end - b.range!.start));
    if (hits.length === 0) {
      lastClick.current = null;
      onActivate(null);
      return;
    }
    const key = hits.map((h) => h.id).join(',');
    const index = lastClick.current?.key === key ? (lastClick.current.index + 1) % hits.length : 0;
    lastClick.current = { key, index };
    onActivate(hits[index]!.id);
  };

  // A press inside a selection that is still there would start dragging its text (the browser's
  // drag and drop), so a new drag over the same passage selected nothing new and opened no popover.
  // Every press (but Shift+click, which extends) starts a new selection instead.
  const onMouseDown = (event: React.MouseEvent) => {
    if (event.button === 0 && !event.shiftKey) window.getSelection()?.removeAllRanges();
  };

  // Keyboard selection: Shift+arrows extend by character/line, with Ctrl by word, with Alt by sentence.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!event.shiftKey || !event.key.startsWith('Arrow')) return;
    const selection = window.getSelection();
    const el = body.current;
    if (!selection || !el || !map) return;
    if (selection.rangeCount === 0 || !el.contains(selection.anchorNode)) {
      const start = rangeOfOffsets(map, offsetAtTop(), offsetAtTop());
      if (!start) return;
      selection.removeAllRanges();
      selection.addRange(start);
    }
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
    const granularity = event.altKey
      ? 'sentence'
      : vertical
        ? 'line'
        : event.ctrlKey || event.metaKey
          ? 'word'
          : 'character';
    selection.modify('extend', forward ? 'forward' : 'backward', granularity);
    event.preventDefault();
  };

  const onKeyUp = (event: React.KeyboardEvent) => {
    if (event.key === 'Shift' || (event.shiftKey && event.key.startsWith('Arrow'))) {
      const selected = readSelection(snapSentences);
      if (selected) onSelectText(selected);
    }
  };

  if (!article) {
    return (
      <article className="reader empty-reader">
        <p className="muted">{t('reader.empty')}</p>
      </article>
    );
  }
  const { meta } = article;
  const remote = article.doc.remoteImages;
  return (
    <article
      className="reader"
      ref={scroller}
      style={{ fontSize }}
      data-testid="reader"
      lang={articleLanguage(article)}
    >
      <header className="reader-header">
        <div className="reader-nav">
          <button
            type="button"
            onClick={props.onPrevious}
            title={t('reader.previous')}
            aria-label={t('reader.previous')}
          >
            ↑
          </button>
          <button type="button" onClick={props.onNext} title={t('reader.next')} aria-label={t('reader.next')}>
            ↓
          </button>
        </div>
        <h1 data-testid="reader-title">{meta.title}</h1>
        <p className="reader-meta muted">
          {meta.date ? (
            <time dateTime={meta.date}>{formatDate(meta.date, i18n.language)}</time>
          ) : (
            meta.dateRaw
          )}
          {meta.author && <span>{meta.author}</span>}
          {meta.editor && (
            <span>
              {t('reader.editor')}: {meta.editor}
            </span>
          )}
          {meta.url && /^https?:\/\//i.test(meta.url) && (
            <a href={meta.url} target="_blank" rel="noopener noreferrer">
              {t('reader.link')}
            </a>
          )}
          <span className="reader-path" title={article.path}>
            {article.path}
          </span>
        </p>
        {meta.categories.length > 0 && (
          <p className="reader-categories">
            {meta.categories.map((c) => (
              <span key={c} className="chip">
                {c}
              </span>
            ))}
          </p>
        )}
        {article.warnings.length > 0 && (
          <details className="warning" open>
            <summary>{t('reader.warnings')}</summary>
            <ul>
              {article.warnings.map((w, i) => (
                <li key={i}>{warningText(t, w, article)}</li>
              ))}
            </ul>
          </details>
        )}
        {props.fileRemoved && (
          <p className="file-removed warning" role="status" data-testid="file-removed">
            {t('reader.fileRemoved')}
          </p>
        )}
        {remote > 0 && (
          <p className="images-notice" data-testid="images-notice">
            <span>
              {loadImages ? t('reader.remoteImagesShown') : t('reader.remoteImages', { count: remote })}
            </span>
            <button type="button" onClick={() => props.onLoadImages(!loadImages)}>
              {loadImages ? t('reader.hideImages') : t('reader.loadImages')}
            </button>
          </p>
        )}
      </header>
      <div
        className="article-body"
        data-testid="article-body"
        ref={body}
        tabIndex={0}
        aria-label={t('reader.body')}
        onMouseDown={onMouseDown}
        onMouseUp={onMouseUp}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
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
