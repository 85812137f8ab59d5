/**
 * The Gloss JSON export: a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/)
 * that any Web Annotation tool can read, plus `gloss` extension blocks holding what a loss-free
 * re-import needs (annotation and tag ids, colours, the codebook, article metadata and memos).
 * The zod schema below is what `import-annotations.ts` accepts; the types are what
 * `json-export.ts` writes.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { COLOR_PATTERN } from '../store/palette.js';
import { PATH_SEPARATOR } from '../store/codebook.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const GLOSS_EXPORT_FORMAT = 'gloss-annotations';
/** A coder in W3C `creator.id`: `urn:gloss:coder:<coderId>`. */
export const CODER_URN = 'urn:gloss:coder:';
/** Bump with a reader for the old version in the importer. */
export const GLOSS_EXPORT_VERSION = 1;

const MAX_ITEMS = 2_000_000;
const MAX_CONTEXT = 10_000;

const id = z.string().min(1).max(LIMITS.id);
const offset = z.number().int().min(0).max(1_000_000_000);
const color = z.string().regex(COLOR_PATTERN, 'a colour like #E69F00');
const timestamp = z.string().max(100);

const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(LIMITS.quote),
  prefix: z.string().max(MAX_CONTEXT).default(''),
  suffix: z.string().max(MAX_CONTEXT).default(''),
});

const positionSelector = z
  .looseObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .refine((p) => p.end >= p.start, 'a TextPositionSelector ends before it starts');

const textualBody = z.looseObject({
  type: z.literal('TextualBody'),
  purpose: z.string().max(100).optional(),
  value: z.string().max(LIMITS.note),
  format: z.string().max(100).optional(),
});

/** Where Gloss found the highlight when it exported it. */
const placement = z.enum(['exact', 'moved', 'fuzzy', 'orphan', 'no-text']);

const itemGloss = z.looseObject({
  id,
  articleId: id,
  tagIds: z.array(id).max(1000),
  color: color.nullable(),
  /** The position as stored (UTF-16 code units), used when the article is not in the target library. */
  position16: z.looseObject({ start: offset, end: offset }),
  placement: placement.optional(),
  /** The highlighted text as stored, when it differs from the text found now (a fuzzy placement). */
  storedQuote: z.string().max(LIMITS.quote).optional(),
});

const annotationItem = z.looseObject({
  type: z.literal('Annotation'),
  id: z.string().max(1000).optional(),
  motivation: z.string().max(100).optional(),
  created: timestamp,
  modified: timestamp,
  creator: z
    .looseObject({
      id: z.string().max(LIMITS.id).optional().catch(undefined),
      name: z.string().max(LIMITS.name),
    })
    .optional(),
  body: z.array(textualBody).max(1001).optional(),
  target: z.looseObject({
    source: id,
    selector: z
      .array(z.union([quoteSelector, positionSelector]))
      .min(1)
      .max(10),
  }),
  gloss: itemGloss,
});

const tagEntry = z.looseObject({
  id,
  name: z
    .string()
    .min(1)
    .max(LIMITS.name)
    .refine((n) => !n.includes(PATH_SEPARATOR), `a tag name cannot contain "${PATH_SEPARATOR}"`),
  parentId: id.nullable(),
  color,
  description: z.string().max(LIMITS.note).default(''),
  /** Informative (`Parent/Child`); the importer rebuilds paths from names and parents. */
  path: z.string().max(LIMITS.path).optional(),
});

const articleEntry = z.looseObject({
  id,
  path: z.string().max(LIMITS.path).nullable(),
  title: z.string().nullable().optional(),
  memo: z.string().max(LIMITS.note).default(''),
});

export const glossCollectionSchema = z
  .looseObject({
    '@context': z.union([z.string(), z.array(z.unknown())]),
    type: z.literal('AnnotationCollection'),
    first: z.looseObject({
      type: z.literal('AnnotationPage'),
      items: z.array(annotationItem).max(MAX_ITEMS),
    }),
    gloss: z.looseObject({
      format: z.literal(GLOSS_EXPORT_FORMAT),
      version: z
        .number()
        .int()
        .min(1)
        .max(GLOSS_EXPORT_VERSION, 'the file was written by a newer Gloss; update Gloss to import it'),
      codebook: z.looseObject({ tags: z.array(tagEntry).max(100_000) }),
      articles: z.array(articleEntry).max(MAX_ITEMS).default([]),
    }),
  })
  .superRefine((doc, ctx) => {
    const context = doc['@context'];
    if (!(context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT)))) {
      ctx.addIssue({ code: 'custom', path: ['@context'], message: `must be ${ANNO_CONTEXT}` });
    }
    const tags = new Map(doc.gloss.codebook.tags.map((t) => [t.id, t]));
    if (tags.size !== doc.gloss.codebook.tags.length) {
      ctx.addIssue({ code: 'custom', path: ['gloss', 'codebook'], message: 'a tag id appears twice' });
    }
    for (const tag of doc.gloss.codebook.tags) {
      const seen = new Set<string>();
      for (let t: typeof tag | undefined = tag; t?.parentId != null; t = tags.get(t.parentId)) {
        if (!tags.has(t.parentId) || seen.has(t.parentId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['gloss', 'codebook'],
            message: `tag "${tag.name}" has a missing or circular parent`,
          });
          break;
        }
        seen.add(t.parentId);
      }
    }
    const ids = new Set<string>();
    doc.first.items.forEach((item, i) => {
      if (ids.has(item.gloss.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['first', 'items', i],
          message: 'an annotation id appears twice',
        });
      }
      ids.add(item.gloss.id);
      if (!item.target.selector.some((s) => s.type === 'TextQuoteSelector')) {
        ctx.addIssue({ code: 'custom', path: ['first', 'items', i], message: 'no TextQuoteSelector' });
      }
      if (item.gloss.articleId !== item.target.source) {
        ctx.addIssue({
          code: 'custom',
          path: ['first', 'items', i],
          message: 'gloss.articleId is not target.source',
        });
      }
    });
  });

export type GlossCollection = z.output<typeof glossCollectionSchema>;
export type GlossAnnotationItem = z.output<typeof annotationItem>;
export type GlossTagEntry = z.output<typeof tagEntry>;
export type GlossPlacement = z.output<typeof placement>;
export type GlossItemBlock = z.input<typeof itemGloss>;
