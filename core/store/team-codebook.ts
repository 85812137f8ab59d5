/**
 * The codebook of a library with writer folders: every writer's stamped book (conflict copies
 * included) read and merged into one tag tree (core/teams/writer-codebook.ts), and a change made by
 * running the existing codebook rules on a copy of that tree, then stamping the difference into this
 * writer's own book only. Other writers' books are read, never written.
 */
import { mkdir, stat } from 'node:fs/promises';
import { jsonText } from '../files/durable-json-adapter.js';
import { writeFileDurable } from '../files/durable-write.js';
import type { HlcClock } from '../teams/hlc.js';
import { mergeCodebooks, recordChanges, type MergedCodebook } from '../teams/writer-codebook.js';
import { repairTagColors } from './store-colors.js';
import type { CodebookFile } from './store-schema.js';
import type { ProblemLog } from './store-problems.js';
import {
  WRITER_CODEBOOK_FILE,
  codebookConflictProblem,
  listWriterIds,
  ownBook,
  readWriterCodebooks,
  writerFolder,
  type FolderProblem,
} from './writer-folders.js';

export interface TeamBooks {
  merged: MergedCodebook;
  books: Parameters<typeof ownBook>[0]['books'];
}

/** Every writer's book under each data folder (the own one first, then read-only layers). */
export async function readTeamBooks(dataDirs: readonly string[], log: ProblemLog): Promise<TeamBooks> {
  const problems: FolderProblem[] = [];
  const books: TeamBooks['books'] = [];
  for (const dataDir of dataDirs) {
    for (const writerId of await listWriterIds(dataDir)) {
      books.push(...(await readWriterCodebooks(writerFolder(dataDir, writerId), problems)));
    }
  }
  for (const p of problems) log.add({ kind: p.kind, file: p.file, message: p.message });
  const merged = mergeCodebooks(books);
  for (const c of merged.conflicts) {
    const problem = codebookConflictProblem(dataDirs[0]!, c);
    // One entry per tag and field: the log keeps one problem per file otherwise.
    if (problem && c.kind === 'field') log.add({ ...problem, file: `${problem.file}#${c.tagId}/${c.field}` });
  }
  return { merged, books };
}

/** The merged tree as the rest of the store uses it (colours nobody may see repaired). */
export function viewOf(team: TeamBooks, log: ProblemLog): CodebookFile {
  const view = structuredClone(team.merged.view);
  const repaired = repairTagColors(view, WRITER_CODEBOOK_FILE);
  if (repaired) log.add({ kind: 'bad-colour', file: WRITER_CODEBOOK_FILE, message: repaired });
  return view;
}

/**
 * Runs `change` on a copy of the merged tree and writes what it changed into `writerId`'s book in
 * `dataDir`. The caller holds the own book's lock. `written` is told the file before and after.
 */
export async function changeTeamCodebook<R>(
  dataDirs: readonly string[],
  writerId: string,
  clock: HlcClock,
  log: ProblemLog,
  change: (view: CodebookFile) => R,
  written: { before(file: string): void; after(file: string): Promise<void> } = {
    before: () => undefined,
    after: async () => undefined,
  },
): Promise<R> {
  const team = await readTeamBooks(dataDirs, log);
  const after = viewOf(team, log);
  const result = change(after);
  const own = ownBook(team, writerId);
  const next = recordChanges(own, team.merged, after, clock);
  if (next !== own) {
    const folder = writerFolder(dataDirs[0]!, writerId);
    const file = folder.codebookFile;
    await mkdir(folder.dir, { recursive: true });
    written.before(file);
    await writeFileDurable(file, jsonText(next));
    await written.after(file);
  }
  return result;
}

/** Sizes and times of every writer's book: a change means another coder's codebook edit arrived. */
export async function booksSignature(dataDirs: readonly string[], ownWriterId: string): Promise<string> {
  const parts: string[] = [];
  for (const dataDir of dataDirs) {
    for (const writerId of await listWriterIds(dataDir)) {
      // The own book's changes are the watcher's (which skips this process's own writes).
      if (writerId === ownWriterId) continue;
      const file = writerFolder(dataDir, writerId).codebookFile;
      const info = await stat(file).catch(() => null);
      parts.push(`${file}:${info ? `${info.size}:${info.mtimeMs}` : '-'}`);
    }
  }
  return parts.join('\n');
}
