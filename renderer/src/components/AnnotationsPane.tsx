/**
 * The annotations pane: the open article's highlights in reading order (click one to go to it),
 * the highlights that could not be placed on the current text ("needs review": re-attach to the
 * selection, or delete), and the article's memo (saved as the user pauses typing).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation, Article, Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { colorOfAnnotation } from '../coding/annotation-colors.js';
import { swatchStyle, tagColor } from '../coding/safe-color.js';
import { quoteText } from '../../../core/stored-annotation.js';
import { useAfterPaint } from '../hooks/use-after-paint.js';
import { articleLanguage } from '../reader/article-language.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

interface AnnotationsPaneProps {
  api: GlossApi;
  article: Article | null;
  annotations: AnchoredAnnotation[];
  tagsById: ReadonlyMap<string, Tag>;
  activeId: string | null;
  /** True when there is a text selection to re-attach a highlight to. */
  canReattach: boolean;
  /** The article's file is gone: its highlights are shown but cannot be changed. */
  readOnly: boolean;
  onOpen(annotation: AnchoredAnnotation): void;
  onReattach(annotation: AnchoredAnnotation): void;
  onDelete(annotation: AnchoredAnnotation): void;
  onError(err: unknown): void;
}

const NONE: AnchoredAnnotation[] = [];

/** Estimated height of a list item before it is measured, and the space between items (px). */
const ITEM_ESTIMATE = 64;
const ITEM_GAP = 6;

function shorten(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

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
      <h2>
        {t('annotations.title')}
        {article && <span className="count-badge">{placed.length}</span>}
      </h2>
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
              <button
                type="button"
                className={`annotation-item${a.id === activeId ? ' active' : ''}`}
                data-testid="annotation-item"
                aria-current={a.id === activeId ? 'true' : undefined}
                onClick={() => props.onOpen(a)}
              >
                <span
                  className="quote-bar"
                  style={swatchStyle(colorOfAnnotation(a, tagsById))}
                  aria-hidden="true"
                />
                <span className="annotation-text">
                  <span className="quote" lang={quoteLang} data-testid="annotation-quote">
                    {shorten(quoteText(a, text))}
                  </span>
                  {a.tagIds.length > 0 && (
                    <span className="chips">
                      {a.tagIds.map((id) => {
                        const tag = tagsById.get(id);
                        return tag ? (
                          <span key={id} className="tag-chip small" data-testid="annotation-tag">
                            <span className="swatch" style={swatchStyle(tagColor(tag))} aria-hidden="true" />
                            {tag.name}
                          </span>
                        ) : null;
                      })}
                    </span>
                  )}
                  {a.note && (
                    <span className="note" data-testid="annotation-note">
                      {shorten(a.note, 300)}
                    </span>
                  )}
                  {a.status === 'fuzzy' && <span className="status-note">{t('annotations.fuzzy')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {orphans.length > 0 && (
        <section
          className="needs-review"
          data-testid="needs-review"
          aria-label={t('annotations.needsReview')}
        >
          <h2>
            {t('annotations.needsReview')}
            <span className="count-badge warn">{orphans.length}</span>
          </h2>
          <p className="muted small">{t('annotations.needsReviewHelp')}</p>
          <ol className="annotation-list">
            {orphans.map((a) => (
              <li key={a.id} className="orphan" data-testid="orphan-item">
                <span className="quote" lang={quoteLang}>
                  {shorten(quoteText(a, text))}
                </span>
                {a.note && <span className="note">{shorten(a.note, 300)}</span>}
                <span className="orphan-actions">
                  <button
                    type="button"
                    disabled={!props.canReattach}
                    title={props.canReattach ? undefined : t('annotations.reattachHint')}
                    onClick={() => props.onReattach(a)}
                  >
                    {t('annotations.reattach')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={props.readOnly}
                    onClick={() => props.onDelete(a)}
                  >
                    {t('editor.delete')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {article && (
        <MemoEditor key={article.id} api={props.api} articleId={article.id} onError={props.onError} />
      )}
    </aside>
  );
}

type MemoStatus = 'loading' | 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

/** The article memo: loaded once, saved 800 ms after the last keystroke and when leaving. */
function MemoEditor({
  api,
  articleId,
  onError,
}: {
  api: GlossApi;
  articleId: string;
  onError(err: unknown): void;
}) {
  const { t } = useTranslation();
  const [memo, setMemo] = useState('');
  const [status, setStatus] = useState<MemoStatus>('loading');
  const latest = useRef({ memo: '', saved: '' });

  useEffect(() => {
    let cancelled = false;
    api.getMemo({ articleId }).then(
      (r) => {
        if (cancelled) return;
        latest.current = { memo: r.memo, saved: r.memo };
        setMemo(r.memo);
        setStatus('idle');
      },
      (err: unknown) => {
        if (!cancelled) setStatus('error');
        onError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, articleId, onError]);

  useEffect(() => {
    if (status !== 'dirty') return;
    const timer = setTimeout(() => {
      const text = latest.current.memo;
      setStatus('saving');
      api.setMemo({ articleId, memo: text }).then(
        () => {
          latest.current.saved = text;
          setStatus(latest.current.memo === text ? 'saved' : 'dirty');
        },
        (err: unknown) => {
          setStatus('error');
          onError(err);
        },
      );
    }, 800);
    return () => clearTimeout(timer);
  }, [api, articleId, memo, status, onError]);

  // Leaving the article with unsaved text: save it now rather than lose it.
  useEffect(
    () => () => {
      const { memo: text, saved } = latest.current;
      if (text !== saved) void api.setMemo({ articleId, memo: text }).catch(onError);
    },
    [api, articleId, onError],
  );

  return (
    <section className="memo" aria-label={t('memo.title')}>
      <h2>
        <label htmlFor={`memo-${articleId}`}>{t('memo.title')}</label>
        <span className={`memo-status ${status}`} data-testid="memo-status" role="status">
          {status === 'saving' && t('memo.saving')}
          {status === 'saved' && t('memo.saved')}
          {status === 'dirty' && t('memo.unsaved')}
          {status === 'error' && t('memo.error')}
        </span>
      </h2>
      <textarea
        id={`memo-${articleId}`}
        data-testid="memo-input"
        className="memo-input"
        placeholder={t('memo.placeholder')}
        disabled={status === 'loading'}
        value={memo}
        onChange={(e) => {
          latest.current.memo = e.target.value;
          setMemo(e.target.value);
          setStatus('dirty');
        }}
      />
    </section>
  );
}

export const AnnotationsPane = withPaneBoundary(AnnotationsPaneContent, {
  pane: 'annotations',
  className: 'annotations-pane',
  resetKey: (props) => props.article?.id,
});
