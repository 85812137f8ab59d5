/**
 * The zod shapes of an article scope and a sample's recipe, shared by the API (strict: unknown
 * fields refused) and the sets file reader (lenient: a newer Gloss's extra fields are dropped).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';

const id = z.string().min(1).max(LIMITS.id);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-03-05');

/** A set's name: shown in lists and typed on the command line. */
export const setNameSchema = z
  .string()
  .trim()
  .min(1, 'a name')
  .max(LIMITS.name)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');

export const stratifySchema = z.enum(['source', 'category', 'folder', 'month']);

export const seedSchema = z.number().int().min(0).max(0xffff_ffff);

export const articleScopeShape = {
  set: setNameSchema.optional(),
  folder: z.string().max(LIMITS.path).optional(),
  subfolders: z.boolean().optional(),
  category: z.string().max(LIMITS.name).optional(),
  query: z.string().max(LIMITS.query).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  articleIds: z.array(id).max(100_000).optional(),
};

export const sampleRecipeShape = {
  seed: seedSchema,
  size: z.number().int().min(0).max(1_000_000),
  percent: z.number().gt(0).max(100).optional(),
  stratify: stratifySchema.optional(),
  equal: z.boolean().optional(),
};
