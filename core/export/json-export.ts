/**
 * Highlights as a W3C Web Annotation collection (see `web-annotation-format.ts`), streamed one
 * annotation per line. Each item targets its article by id (`target.source`) with a
 * TextQuoteSelector and, when the highlight could be placed, a TextPositionSelector in code points
 * of the canonical text; its tags are TextualBody items with purpose `tagging` (value: the tag path)
 * and its note one with purpose `commenting`. The `gloss` blocks carry the rest for a loss-free
 * re-import. Article entries (metadata and memo) are gathered while streaming and written after the
 * items, so memory grows with the number of articles exported, not with the number of highlights.
 */
import { describeRange } from '../anchor/describe-range.js';
import { exportArticles, type ArticleExport } from './export-articles.js';
import type { ExportRun } from './export-run.js';
import type { ExportPlan, ExportScope, ExportSession } from './export-scope.js';
import type { PlacedAnnotation } from './place-annotations.js';
import type { Annotation } from '../model.js';
import {
  ANNO_CONTEXT,
  CODER_URN,
  GLOSS_EXPORT_FORMAT,
  GLOSS_EXPORT_VERSION,
  type GlossItemBlock,
} from './web-annotation-format.js';

export interface JsonExportOptions {
  /** Shown as the collection's label (normally the library's name). */
  label?: string;
  /** Recorded in the `gloss` block, so a reader knows what part of the library this is. */
  scope?: ExportScope;
  /** The generator's version. */
  version?: string;
  now?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI for the annotation, as the model asks for: its UUID when it has one. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:gloss:annotation:${encodeURIComponent(id)}`;
}

/** `"key": value` lines of an object being streamed, at one indentation. */
function fields(entries: Record<string, unknown>, indent: string): string {
  return Object.entries(entries)
    .map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n');
}

export function jsonExport(
  session: ExportSession,
  plan: ExportPlan,
  options: JsonExportOptions = {},
): ExportRun {
  let rows = 0;
  async function* chunks(): AsyncGenerator<string> {
    const now = (options.now ?? new Date()).toISOString();
    const head = {
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      label: options.label ? `Gloss annotations: ${options.label}` : 'Gloss annotations',
      generator: {
        type: 'Software',
        name: 'Gloss',
        ...(options.version ? { version: options.version } : {}),
      },
      generated: now,
    };
    yield `{\n${fields(head, '  ')},\n  "first": {\n${fields({ type: 'AnnotationPage', startIndex: 0 }, '    ')},\n    "items": [`;
    const articles: string[] = [];
    for await (const entry of exportArticles(session, plan, { memos: true })) {
      const text = entry.article?.text ?? null;
      for (const item of entry.items) {
        yield `${rows === 0 ? '\n' : ',\n'}      ${JSON.stringify(webAnnotation(item, plan, text))}`;
        rows++;
      }
      articles.push(JSON.stringify(articleEntry(entry)));
    }
    const gloss = {
      format: GLOSS_EXPORT_FORMAT,
      version: GLOSS_EXPORT_VERSION,
      exported: now,
      ...(options.scope ? { scope: options.scope } : {}),
      codebook: {
        tags: plan.tags.tags.map((t) => ({
          id: t.id,
          name: t.name,
          path: plan.tags.path(t.id),
          parentId: t.parentId,
          color: t.color,
          description: t.description,
        })),
      },
    };
    yield `${rows ? '\n    ' : ''}]\n  },\n${fields({ total: rows }, '  ')},\n  "gloss": {\n${fields(gloss, '    ')},\n    "articles": [`;
    yield `${articles.map((a, i) => `${i ? ',' : ''}\n      ${a}`).join('')}${articles.length ? '\n    ' : ''}]\n  }\n}\n`;
  }
  return {
    chunks: chunks(),
    get rows() {
      return rows;
    },
  };
}

function webAnnotation(
  item: PlacedAnnotation,
  plan: ExportPlan,
  text: string | null,
): Record<string, unknown> {
  const a = item.annotation;
  // A fuzzily placed highlight is described by the text it covers now, so its selectors agree.
  const quote =
    item.status === 'fuzzy' && item.range && text !== null ? describeRange(text, item.range).quote : a.quote;
  const selector: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
  if (item.start !== null && item.end !== null) {
    selector.push({ type: 'TextPositionSelector', start: item.start, end: item.end });
  }
  const body = [
    ...a.tagIds.map((id) => ({
      type: 'TextualBody',
      purpose: 'tagging',
      value: plan.tags.path(id),
      format: 'text/plain',
    })),
    ...(a.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' }] : []),
  ];
  const gloss: GlossItemBlock = {
    id: a.id,
    articleId: a.articleId,
    tagIds: a.tagIds,
    color: a.color,
    position16: { start: a.position.start, end: a.position.end },
    placement: item.status,
    ...(quote.exact !== a.quote.exact ? { storedQuote: a.quote.exact } : {}),
  };
  return {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: a.created,
    modified: a.modified,
    ...(a.creator || a.creatorId ? { creator: creatorOf(a) } : {}),
    ...(body.length ? { body } : {}),
    target: { source: a.articleId, selector },
    gloss,
  };
}

/** W3C `creator`: the coder as a Person, with the coder id as a URN when known. */
function creatorOf(a: Annotation): { type: 'Person'; id?: string; name: string } {
  return {
    type: 'Person',
    ...(a.creatorId ? { id: `${CODER_URN}${a.creatorId}` } : {}),
    name: a.creator,
  };
}

function articleEntry({
  planned,
  article,
  memo,
  problem,
  lastKnown: last,
}: ArticleExport): Record<string, unknown> {
  const summary = planned.summary;
  return {
    id: planned.id,
    path: summary?.path ?? last?.path ?? null,
    title: article?.meta.title ?? summary?.title ?? last?.title ?? null,
    date: article?.meta.date ?? summary?.date ?? last?.date ?? null,
    author: article?.meta.author ?? summary?.author ?? last?.author ?? null,
    url: article?.meta.url ?? last?.sourceUrl ?? null,
    categories: article?.meta.categories ?? summary?.categories ?? [],
    ...(article ? { meta: article.meta } : {}),
    ...(summary ? {} : { missing: true }),
    ...(problem ? { problem } : {}),
    memo,
  };
}
