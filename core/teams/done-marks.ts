/**
 * Articles a coder marked "coded" (issue 18): each writer keeps its own marks file, and a coder's
 * marks are the merge over that coder's writer folders (one per machine). A mark and an unmark of
 * the same article on two machines resolve by time, the later one winning, so an unmark syncs too.
 * Pure: the files are read and written by core/store/done-marks-file.ts.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { setOwn } from '../own-keys.js';

export const DONE_MARKS_FILE = 'marks.json';

const stamp = z.object({ done: z.boolean(), at: z.string().max(100) });

/** One writer's file; others' files are hostile input, so everything is checked. */
export const doneMarksSchema = z.looseObject({
  schemaVersion: z.literal(1),
  articles: z.record(z.string().min(1).max(LIMITS.id), stamp),
});

export type DoneMarksFile = z.infer<typeof doneMarksSchema>;
export type DoneStamp = z.infer<typeof stamp>;

export function emptyDoneMarks(): DoneMarksFile {
  return { schemaVersion: 1, articles: {} };
}

/** The file with one article marked or unmarked at `at` (a new object). */
export function withDoneMark(
  file: DoneMarksFile,
  articleId: string,
  done: boolean,
  at: string,
): DoneMarksFile {
  // Article ids come from files: `setOwn`, so an id like `__proto__` stays a key.
  const articles: Record<string, DoneStamp> = {};
  for (const [id, s] of Object.entries(file.articles)) setOwn(articles, id, s);
  setOwn(articles, articleId, { done, at });
  return { ...file, articles };
}

/** One writer's marks, with whose they are. */
export interface WriterMarks {
  coderId: string;
  marks: DoneMarksFile;
}

/**
 * Every coder's done articles: per coder and article the latest stamp of any of the coder's
 * writers (ties: marked wins, so the result does not depend on the order files were read).
 */
export function mergeDoneMarks(writers: readonly WriterMarks[]): Map<string, Set<string>> {
  const latest = new Map<string, Map<string, DoneStamp>>();
  for (const { coderId, marks } of writers) {
    const forCoder = latest.get(coderId) ?? new Map<string, DoneStamp>();
    latest.set(coderId, forCoder);
    for (const [articleId, s] of Object.entries(marks.articles)) {
      const seen = forCoder.get(articleId);
      if (!seen || s.at > seen.at || (s.at === seen.at && s.done && !seen.done)) forCoder.set(articleId, s);
    }
  }
  const out = new Map<string, Set<string>>();
  for (const [coderId, stamps] of latest) {
    const done = new Set<string>();
    for (const [articleId, s] of stamps) if (s.done) done.add(articleId);
    out.set(coderId, done);
  }
  return out;
}
