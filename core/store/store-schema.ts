/**
 * The on-disk shape of the store's files, checked with zod whenever a file is read. Objects are
 * "loose": fields this version does not know (added by a script, or a later minor change) survive
 * a rewrite instead of being silently stripped.
 */
import { z } from 'zod';
import type { Annotation, Tag } from '../model.js';
import { setOwn } from '../own-keys.js';

/** The schema version this Gloss writes. Bump it together with a migration in `migrations.ts`. */
export const CURRENT_SCHEMA_VERSION = 1;

const offset = z.number().int().min(0);

/**
 * A fact about the article as last seen with its file; a bad value (a hand edit) is dropped rather
 * than making the whole file unreadable, since it is only there for when the file is gone.
 */
const lastSeen = z.string().max(10_000).nullable().optional().catch(undefined);

export const annotationSchema = z.looseObject({
  id: z.string().min(1),
  articleId: z.string().min(1),
  quote: z.looseObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z
    .looseObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
    .refine((p) => p.end >= p.start, 'position end before start'),
  tagIds: z.array(z.string()),
  note: z.string(),
  color: z.string().nullable(),
  creator: z.string(),
  created: z.string(),
  modified: z.string(),
});

export const tagSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  parentId: z.string().nullable(),
  color: z.string(),
  description: z.string(),
  key: z.string().nullable().optional(),
});

/** `annotations/<articleId>.json`: everything Gloss keeps about one article. */
export const articleFileSchema = z.looseObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  articleId: z.string().min(1),
  /** Last known path and body fingerprint, so annotations can follow a moved or renamed file. */
  path: z.string().nullable(),
  fingerprint: z.string().nullable(),
  /** Title, date, author and source URL as last seen with the file: exports use them once it is gone. */
  title: lastSeen,
  date: lastSeen,
  author: lastSeen,
  sourceUrl: lastSeen,
  memo: z.string(),
  annotations: z.array(annotationSchema),
});

/**
 * Tag id → surviving id (or null). Not zod's record, which drops a `__proto__` key: a tag id may
 * be anything, and each is kept as an own key (read it with Object.hasOwn).
 */
const idTable = z.unknown().transform((value, ctx): Record<string, string | null> => {
  const out: Record<string, string | null> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected an object of tag ids' });
    return out;
  }
  for (const [key, id] of Object.entries(value)) {
    if (id !== null && typeof id !== 'string') {
      ctx.addIssue({ code: 'custom', message: 'expected a tag id or null', path: [key] });
      continue;
    }
    setOwn(out, key, id);
  }
  return out;
});

/** `codebook.json`: the tag tree. */
export const codebookFileSchema = z.looseObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  tags: z.array(tagSchema),
  /**
   * Tags merged away (id → surviving id) or deleted (id → null). Annotation files are rewritten
   * after a merge or delete, but readers also map through this table, so a crash half-way through
   * the rewrite, or a file written meanwhile by another process, still shows the right tags.
   */
  retired: idTable,
});

export interface ArticleFile {
  schemaVersion: number;
  articleId: string;
  path: string | null;
  fingerprint: string | null;
  /** Absent in files written before Gloss kept them (and until the article is next seen). */
  title?: string | null;
  date?: string | null;
  author?: string | null;
  sourceUrl?: string | null;
  memo: string;
  annotations: Annotation[];
}

export interface CodebookFile {
  schemaVersion: number;
  tags: Tag[];
  retired: Record<string, string | null>;
}

export function emptyArticleFile(articleId: string): ArticleFile {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    articleId,
    path: null,
    fingerprint: null,
    memo: '',
    annotations: [],
  };
}

export function emptyCodebook(): CodebookFile {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tags: [],
    retired: {},
  };
}
