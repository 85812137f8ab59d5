/**
 * API operations for analysis (issue 19): saved sets and seeded samples, the four reports (code
 * frequencies, article × code matrix, co-occurrence, codes over time) with their CSV, and autocode
 * (code every hit of a search in one batch). The shapes are in core/analysis/*-types.ts.
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { ExportContent } from './export-contract.js';
import type { Report } from '../analysis/report-types.js';
import {
  articleScopeShape,
  sampleRecipeShape,
  seedSchema,
  setNameSchema,
  stratifySchema,
} from '../analysis/scope-schema.js';
import type { DrawnSample, SavedSet, SetList } from '../analysis/set-types.js';
import type { AutocodePreview, AutocodeResult } from '../analysis/autocode-types.js';

export type * from '../analysis/report-types.js';
export type * from '../analysis/set-types.js';
export type * from '../analysis/autocode-types.js';

const id = z.string().min(1).max(LIMITS.id);

export { setNameSchema, stratifySchema };
export const articleScopeSchema = z.object(articleScopeShape).strict();

export const reportScopeSchema = z
  .object({
    ...articleScopeShape,
    coders: z.array(id).max(1000).optional(),
    tags: z.array(id).max(1000).optional(),
    foldToParents: z.boolean().optional(),
  })
  .strict();

export const reportKindSchema = z.enum(['frequencies', 'matrix', 'cooccurrence', 'timeline']);
export const timelineBySchema = z.enum(['day', 'week', 'month', 'year', 'source', 'category', 'folder']);
export const autocodeUnitSchema = z.enum(['match', 'sentence', 'paragraph']);

const reportRequest = {
  kind: reportKindSchema,
  /** Timeline only (default 'month'). */
  by: timelineBySchema.optional(),
  scope: reportScopeSchema.default({}),
};

export const sampleRecipeSchema = z.object({ ...sampleRecipeShape, filter: articleScopeSchema }).strict();

const autocodeRequest = {
  query: z.string().trim().min(1).max(LIMITS.query),
  scope: articleScopeSchema.default({}),
  tagId: id,
  unit: autocodeUnitSchema.default('match'),
};

export const analysisContract = {
  /** One report's rows over the scope (see core/analysis/report-types.ts). */
  analysisReport: op<Report>()(z.object(reportRequest).strict()),
  /** The report's table as CSV text (snake_case columns, as `gloss report --csv`), for download. */
  analysisCsv: op<ExportContent>()(z.object({ ...reportRequest, bom: z.boolean().default(true) }).strict()),
  /** Desktop: writes the CSV to a file chosen with the save dialog (null when cancelled). */
  analysisCsvToFile: op<{ path: string } | null>()(
    z.object({ ...reportRequest, bom: z.boolean().default(true) }).strict(),
  ),

  /** Every saved set, merged over every writer's folder. */
  listSets: op<SetList>()(z.object({}).strict()),
  /** Saves (or replaces) a set in this writer's folder; its articles are kept in library-path order. */
  saveSet: op<SavedSet>()(
    z
      .object({
        name: setNameSchema,
        articleIds: z.array(id).max(100_000),
        sample: sampleRecipeSchema.optional(),
      })
      .strict(),
  ),
  /** Hides the set for everyone (a later stamp than its save); nobody's file but mine is written. */
  deleteSet: op<{ deleted: boolean }>()(z.object({ name: setNameSchema }).strict()),
  /**
   * Draws a seeded random sample from the scope's articles: `size` articles or `percent` of them,
   * optionally stratified (proportional, or `equal` per stratum). Same seed and scope: same articles.
   * Without a seed, one is made (and returned). Nothing is saved: `saveSet` with the recipe does that.
   */
  drawSample: op<DrawnSample>()(
    z
      .object({
        size: z.number().int().min(1).max(1_000_000).optional(),
        percent: z.number().gt(0).max(100).optional(),
        seed: seedSchema.optional(),
        stratify: stratifySchema.optional(),
        equal: z.boolean().default(false),
        scope: articleScopeSchema.default({}),
      })
      .strict()
      .refine((x) => (x.size === undefined) !== (x.percent === undefined), 'either size or percent'),
  ),

  /** Every hit of `query` in the scope's articles, in keyword-in-context, with what coding it would cover. */
  autocodePreview: op<AutocodePreview>()(
    z
      .object({
        ...autocodeRequest,
        /** Characters of context either side in `before` / `after`. */
        context: z.number().int().min(0).max(1000).default(40),
        limit: z.number().int().min(1).max(100_000).default(10_000),
      })
      .strict(),
  ),
  /**
   * Codes the kept hits (`hitIds` from the preview; absent: every hit) with `tagId` as the current
   * coder, one highlight each, skipping places that coder already coded with the tag. One write
   * per article; undo is `autocodeUndo` with `createdByArticle`.
   */
  autocodeApply: op<AutocodeResult>()(
    z
      .object({
        ...autocodeRequest,
        hitIds: z
          .array(
            z
              .string()
              .min(1)
              .max(LIMITS.id * 2),
          )
          .max(100_000)
          .optional(),
      })
      .strict(),
  ),
  /** Undoes an autocode: deletes those highlights of mine (those already gone are counted apart). */
  autocodeUndo: op<{ removed: number; missing: number }>()(
    z
      .object({
        createdByArticle: z
          .array(z.object({ articleId: id, annotationIds: z.array(id).max(100_000) }).strict())
          .max(100_000),
      })
      .strict(),
  ),
};
