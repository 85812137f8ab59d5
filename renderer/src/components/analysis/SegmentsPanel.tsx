/**
 * The segments behind a heat-map cell: for the matrix, the highlights of that article with that
 * code; for co-occurrence, the overlapping pairs of the two codes. Each opens its article at it.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AnnotationListItem } from '../../../../core/api/annotation-contract.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { Report } from '../../../../core/api/analysis-contract.js';
import type { Tag } from '../../../../core/model.js';
import { withDescendants } from '../../coding/tag-tree.js';
import { keys } from '../../data/query-keys.js';
import type { CellKey } from './ChartFigure.js';
import { overlappingPairs } from './overlapping-pairs.js';

interface SegmentsPanelProps {
  api: GlossApi;
  report: Report;
  cell: CellKey;
  tags: readonly Tag[];
  coderIds: readonly string[];
  foldToParents: boolean;
  /** The articles in scope, when limited to some (co-occurrence pairs are looked for in them). */
  articleIds: readonly string[] | undefined;
  onOpenAt(articleId: string, annotationId: string): void;
  onClose(): void;
}

const MAX_SEGMENTS = 5000;

function Quote({ item, onOpen }: { item: AnnotationListItem; onOpen(): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="segment-button"
      data-testid="analysis-segment"
      title={t('analysis.openAt')}
      onClick={onOpen}
    >
      <span className="segment-quote">“{item.quote.exact}”</span>
      <span className="muted">
        {item.articleTitle ?? item.articlePath ?? item.articleId} · {item.coderName}
      </span>
    </button>
  );
}

export function SegmentsPanel(props: SegmentsPanelProps) {
  const { api, report, cell, tags, coderIds, foldToParents, onOpenAt, onClose } = props;
  const { t } = useTranslation();
  const tagOf = (path: string) => report.tags.find((tag) => tag.path === path)?.id ?? '';
  // A code's highlights: those carrying it, or (folded) one of its sub-codes.
  const codesOf = (path: string): ReadonlySet<string> =>
    foldToParents ? withDescendants(tags, tagOf(path)) : new Set([tagOf(path)]);
  const isMatrix = report.kind === 'matrix';
  const a = isMatrix ? cell.column : cell.row;
  const b = cell.column;
  const articleIds = isMatrix ? [cell.row] : props.articleIds;

  const segments = useQuery({
    queryKey: [
      ...keys.highlightQueries,
      'analysis-segments',
      report.kind,
      cell,
      coderIds,
      foldToParents,
      articleIds,
    ],
    queryFn: () =>
      api.listAllAnnotations({
        tagIds: [...new Set([tagOf(a), tagOf(b)])],
        coders: [...coderIds],
        ...(articleIds ? { articleIds: [...articleIds] } : {}),
        limit: MAX_SEGMENTS,
      }),
  });
  const items = segments.data?.items ?? null;
  const codesA = codesOf(a);
  const codesB = a === b ? codesA : codesOf(b);
  const heading = isMatrix
    ? t('analysis.segments', {
        article:
          report.rows.find((r) => 'articleId' in r && r.articleId === cell.row && 'title' in r)?.title ??
          cell.row,
        code: a,
      })
    : t('analysis.pairs', { a, b });

  let body;
  if (!items) body = <p className="muted">{t('analysis.loadingSegments')}</p>;
  else if (isMatrix) {
    const list = items.filter((i) => i.tagIds.some((id) => codesA.has(id)));
    body =
      list.length === 0 ? (
        <p className="muted">{t('analysis.noSegments')}</p>
      ) : (
        <ul className="segment-list">
          {list.map((i) => (
            <li key={i.id}>
              <Quote item={i} onOpen={() => onOpenAt(i.articleId, i.id)} />
            </li>
          ))}
        </ul>
      );
  } else {
    const pairs = overlappingPairs(items, codesA, codesB);
    body =
      pairs.length === 0 ? (
        <p className="muted">{t('analysis.noSegments')}</p>
      ) : (
        <ul className="segment-list">
          {pairs.map(({ a: x, b: y }) => (
            <li key={`${x.id}:${y.id}`} className="segment-pair">
              <Quote item={x} onOpen={() => onOpenAt(x.articleId, x.id)} />
              {x.id !== y.id && <Quote item={y} onOpen={() => onOpenAt(y.articleId, y.id)} />}
            </li>
          ))}
        </ul>
      );
  }

  return (
    <section className="segments-panel" aria-label={heading} data-testid="analysis-segments">
      <div className="segments-header">
        <h3>{heading}</h3>
        <button type="button" onClick={onClose}>
          {t('analysis.closeSegments')}
        </button>
      </div>
      {body}
    </section>
  );
}
