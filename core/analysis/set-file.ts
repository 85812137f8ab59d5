/**
 * One writer's `sets.json` (`.gloss/coders/<writerId>/sets.json`): the sets that writer saved or
 * deleted, each with a clock stamp (core/teams/hlc.ts) so the latest save of a name wins across
 * writers. A deletion is kept as an entry with `deleted`, so it can win over another writer's save
 * without touching that writer's file. Read with zod: other writers' files are hostile input.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { isStamp } from '../teams/hlc.js';
import { articleScopeShape, sampleRecipeShape } from './scope-schema.js';

const id = z.string().min(1).max(LIMITS.id);

/** Lenient: fields a newer Gloss added are dropped, not refused. */
const recipeSchema = z.object({ ...sampleRecipeShape, filter: z.object(articleScopeShape) });

export const setEntrySchema = z.looseObject({
  name: z.string().trim().min(1).max(LIMITS.name),
  articleIds: z.array(id).max(100_000),
  sample: recipeSchema.nullable().default(null),
  /** Clock stamp of the save (or deletion). */
  stamp: z.string().max(300).refine(isStamp, 'a clock stamp'),
  creatorName: z.string().min(1).max(LIMITS.name),
  modified: z.string().max(100),
  deleted: z.boolean().optional(),
});

export const setFileSchema = z.looseObject({
  schemaVersion: z.literal(1),
  sets: z.array(setEntrySchema).max(10_000),
});

export type SetEntry = z.output<typeof setEntrySchema>;
export type SetFile = z.output<typeof setFileSchema>;

export const SETS_FILE = 'sets.json';

export function emptySetFile(): SetFile {
  return { schemaVersion: 1, sets: [] };
}

/** A file's text as read: the file, or why it cannot be used. */
export function parseSetFile(text: string): { ok: true; file: SetFile } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const parsed = setFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, file: parsed.data };
}
