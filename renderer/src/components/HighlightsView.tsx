/**
 * Every highlight of the library, filtered by tag (sub-tags included), by text in the quote or
 * note, and by coder (the layer: mine, all, chosen); each row says whose it is. A click opens the
 * article at that highlight.
 */
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { keys } from '../data/query-keys.js';
import { useDebounced } from '../hooks/use-debounced.js';
import { useTranslation } from 'react-i18next';
import type { AnnotationListItem } from '../../../core/api/annotation-contract.js';
import type { Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import { colorOfAnnotation } from '../coding/annotation-colors.js';
import { swatchStyle } from '../coding/safe-color.js';
import type { CoderSummary } from '../coders/coder-types.js';
import { useCoderStyle } from '../coders/use-coder-color.js';
import { codersFilter, showsLayerMenu, type Layer } from '../coders/layers.js';
import { TagChipList } from './annotations/TagChipList.js';
import { CoderBadge } from './coders/CoderBadge.js';
import { LayerMenu } from './coders/LayerMenu.js';
import { tagRows } from '../coding/tag-tree.js';
import type { ChosenSet, HighlightsFilter } from '../export/export-settings.js';
import { guessLanguage } from '../reader/article-language.js';
import { withPaneBoundary } from './PaneErrorBoundary.js';

interface HighlightsViewProps {
  api: GlossApi;
  tags: Tag[];
  tagsById: ReadonlyMap<string, Tag>;
  onOpen(item: AnnotationListItem): void;
  onClose(): void;
  /** The filters in force, for exporting "the current filter". */
  onFilterChange?(filter: HighlightsFilter): void;
  layer: Layer;
  onLayer(layer: Layer): void;
  coders: readonly CoderSummary[];
  myCoderId: string;
  /** The set chosen in the library list: only its articles' highlights are listed. */
  set?: ChosenSet;
}

const PAGE = 300;

function HighlightsViewContent({
  api,
  tags,
  tagsById,
  onOpen,
  onClose,
  onFilterChange,
  layer,
  onLayer,
  coders,
  myCoderId,
  set,
}: HighlightsViewProps) {
  const { t } = useTranslation();
  const [tagId, setTagId] = useState('');
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);
  // Typing in the filter asks once it pauses.
  const coderIds = useMemo(() => codersFilter(layer, myCoderId), [layer, myCoderId]);
  const asked = { tagId, text: useDebounced(text.trim(), 150), limit, coders: coderIds };
  // The set's ids are named in the key by the set (hashing thousands of ids on every render costs).
  const inSet = set ? { set: set.name, count: set.articleIds.length } : null;
  const page =
    useQuery({
      queryKey: [...keys.highlightQueries, 'list', asked, inSet],
      queryFn: () =>
        api.listAllAnnotations({
          tagIds: asked.tagId ? [asked.tagId] : undefined,
          text: asked.text || undefined,
          coders: asked.coders,
          articleIds: set ? [...set.articleIds] : undefined,
          limit: asked.limit,
        }),
      placeholderData: keepPreviousData,
    }).data ?? null;
  const rows = useMemo(() => tagRows(tags), [tags]);

  useEffect(() => {
    onFilterChange?.({
      source: 'highlights',
      tagId: tagId || undefined,
      text: text.trim() || undefined,
      set,
    });
  }, [tagId, text, set, onFilterChange]);
  const severalCoders = coders.length > 1;
  const styleOf = useCoderStyle();

  return (
    <section className="highlights-view" aria-label={t('highlights.title')} data-testid="highlights-view">
      <div className="highlights-header">
        <h2>{t('highlights.title')}</h2>
        <span className="muted">{page ? t('highlights.count', { count: page.total }) : '…'}</span>
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('highlights.close')}
        </button>
      </div>
      <div className="filters">
        <select aria-label={t('highlights.tag')} value={tagId} onChange={(e) => setTagId(e.target.value)}>
          <option value="">{t('highlights.allTags')}</option>
          {rows.map((r) => (
            <option key={r.tag.id} value={r.tag.id}>
              {'\u00a0\u00a0'.repeat(r.depth) + r.tag.name}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label={t('highlights.text')}
          placeholder={t('highlights.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {showsLayerMenu(layer, coders) && (
          <LayerMenu
            layer={layer}
            coders={coders}
            myCoderId={myCoderId}
            onChange={onLayer}
            testId="highlights-coder-filter"
          />
        )}
      </div>
      {set && (
        <p className="muted" data-testid="highlights-set">
          {t('highlights.inSet', { name: set.name })}
        </p>
      )}
      {page && page.total === 0 && <p className="muted">{t('highlights.none')}</p>}
      <ol className="highlight-rows">
        {page?.items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={`highlight-row${severalCoders ? ' coder-edge' : ''}`}
              data-testid="library-highlight"
              style={severalCoders ? styleOf(item.coderId) : undefined}
              onClick={() => onOpen(item)}
            >
              <span
                className="quote-bar"
                style={swatchStyle(colorOfAnnotation(item, tagsById))}
                aria-hidden="true"
              />
              <span className="annotation-text">
                <span className="hit-title">
                  {item.articleMissing && (
                    <span
                      className="file-missing"
                      data-testid="file-missing"
                      title={t('highlights.fileMissingTitle', { path: item.articlePath ?? item.articleId })}
                    >
                      {t('highlights.fileMissing')}
                    </span>
                  )}
                  {item.articleTitle ?? t('highlights.missingArticle')}
                </span>
                <span className="quote" lang={guessLanguage(item.quote.exact)}>
                  {item.quote.exact}
                </span>
                <TagChipList tagIds={item.tagIds} tagsById={tagsById} />
                {item.note && <span className="note">{item.note}</span>}
              </span>
              <span className="coder-cell" data-testid="highlight-coder">
                <CoderBadge
                  coderId={item.coderId}
                  name={item.mine ? t('coders.you', { name: item.coderName }) : item.coderName}
                />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {page && page.items.length < page.total && (
        <button type="button" className="more" onClick={() => setLimit((l) => l + PAGE)}>
          {t('highlights.more')}
        </button>
      )}
    </section>
  );
}

export const HighlightsView = withPaneBoundary(HighlightsViewContent, {
  pane: 'highlights',
  className: 'highlights-view',
  onClose: (props) => props.onClose,
});
