/**
 * Places of the disagreement review settled as "keep neither" (issue 18). They leave no consensus
 * highlight, so the consensus writer remembers them in a file of its own (`dismissed.json`, one
 * per consensus writer, merged; an undo writes `dismissed: false`, the later stamp wins). Pure.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { setOwn } from '../own-keys.js';

export const DISMISSED_FILE = 'dismissed.json';

const offset = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const place = z.object({
  articleId: z.string().min(1).max(LIMITS.id),
  tagId: z.string().min(1).max(LIMITS.id),
  start: offset,
  end: offset,
  dismissed: z.boolean(),
  at: z.string().max(100),
});

export const dismissedSchema = z.looseObject({
  schemaVersion: z.literal(1),
  places: z.record(z.string().max(3 * LIMITS.id), place),
});

export type DismissedFile = z.infer<typeof dismissedSchema>;
type Stamped = z.infer<typeof place>;

export function emptyDismissed(): DismissedFile {
  return { schemaVersion: 1, places: {} };
}

export function withDismissal(file: DismissedFile, key: string, p: Stamped): DismissedFile {
  const places: Record<string, Stamped> = {};
  for (const [k, v] of Object.entries(file.places)) setOwn(places, k, v);
  setOwn(places, key, p);
  return { ...file, places };
}

/** The places dismissed now, over every consensus writer's file (the latest stamp per place). */
export function mergeDismissed(files: readonly DismissedFile[]): Omit<Stamped, 'dismissed' | 'at'>[] {
  const latest = new Map<string, Stamped>();
  for (const f of files)
    for (const [key, p] of Object.entries(f.places)) {
      const seen = latest.get(key);
      if (!seen || p.at > seen.at || (p.at === seen.at && p.dismissed && !seen.dismissed)) latest.set(key, p);
    }
  return [...latest.values()]
    .filter((p) => p.dismissed)
    .map(({ articleId, tagId, start, end }) => ({ articleId, tagId, start, end }));
}
