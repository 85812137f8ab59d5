/**
 * The library's work as every reader sees it: `<dataDir>/coders/<writerId>/` holds one writer's
 * article files, stamped codebook and `writer.json`; this module finds the writer folders, reads
 * them all (others' files as hostile input, never changed), and merges them with the pure functions
 * of core/teams: highlights a union by id, memos one per writer, the codebook field by field.
 * A sync tool's conflict copy is merged with its live file and reported; a file that does not parse
 * is reported as unreadable and read again next time; sync temp files are ignored.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Coder } from '../model.js';
import { coderIdOf, parseWriterId } from '../teams/coder.js';
import { unionHighlights, unionMemos, type WriterAnnotation } from '../teams/annotation-union.js';
import { classifySyncFile } from '../teams/sync-files.js';
import {
  emptyWriterCodebook,
  mergeCodebooks,
  readWriterCodebook,
  type CodebookConflict,
  type MergedCodebook,
  type StampedField,
  type WriterCodebook,
} from '../teams/writer-codebook.js';
import { setOwn } from '../own-keys.js';
import { writeFileDurable } from '../files/durable-write.js';
import { jsonText } from '../files/durable-json-adapter.js';
import { LIMITS } from '../limits.js';
import { MIGRATIONS } from './migrations.js';
import { readDocument } from './read-document.js';
import { articleFileName } from './store-layout.js';
import { articleFileSchema, type ArticleFile } from './store-schema.js';
import type { StoreProblem } from './store-problems.js';

export const CODERS_DIR = 'coders';
export const WRITER_FILE = 'writer.json';
export const WRITER_CODEBOOK_FILE = 'codebook.json';

export interface WriterFolder {
  writerId: string;
  dir: string;
  annotationsDir: string;
  codebookFile: string;
  writerFile: string;
}

export function writerFolder(dataDir: string, writerId: string): WriterFolder {
  const dir = path.join(dataDir, CODERS_DIR, writerId);
  return {
    writerId,
    dir,
    annotationsDir: path.join(dir, 'annotations'),
    codebookFile: path.join(dir, WRITER_CODEBOOK_FILE),
    writerFile: path.join(dir, WRITER_FILE),
  };
}

const writerFileSchema = z.looseObject({
  schemaVersion: z.literal(1),
  writerId: z.string(),
  coder: z.looseObject({ id: z.string().max(LIMITS.id), name: z.string().min(1).max(LIMITS.name) }),
  created: z.string().max(100),
});

/** Writes `writer.json` for the writer (who it is), unless it already says so. */
export async function writeWriterFile(dataDir: string, writerId: string, coder: Coder): Promise<void> {
  const folder = writerFolder(dataDir, writerId);
  const text = await readFile(folder.writerFile, 'utf8').catch(() => null);
  if (text !== null) {
    const parsed = writerFileSchema.safeParse(safeJson(text));
    if (parsed.success && parsed.data.coder.name === coder.name && parsed.data.writerId === writerId) return;
  }
  const doc = {
    schemaVersion: 1,
    writerId,
    coder: { id: coder.id, name: coder.name },
    created: new Date().toISOString(),
  };
  await writeFileDurable(folder.writerFile, jsonText(doc));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Folders under `coders/` that are writer folders: valid writer ids, real folders (never links). */
export async function listWriterIds(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, CODERS_DIR);
  const names = await readdir(root).catch(() => [] as string[]);
  const out: string[] = [];
  for (const name of names.sort()) {
    if (!parseWriterId(name)) continue;
    const info = await lstat(path.join(root, name)).catch(() => null);
    if (info?.isDirectory()) out.push(name);
  }
  return out;
}

/** The coder of a writer folder: its `writer.json`, else what the folder name says. */
export async function readWriterCoder(dataDir: string, writerId: string): Promise<Coder> {
  const parsed = writerFileSchema.safeParse(
    safeJson(await readFile(writerFolder(dataDir, writerId).writerFile, 'utf8').catch(() => '')),
  );
  const coderId = parseWriterId(writerId)?.coderId ?? coderIdOf(writerId);
  // The id is the folder's: a hand-edited writer.json cannot pass as another coder.
  if (parsed.success && coderIdOf(parsed.data.coder.name) === coderId)
    return { id: coderId, name: parsed.data.coder.name };
  return { id: coderId, name: parsed.success ? parsed.data.coder.name : coderId };
}

export type FolderProblem = Pick<StoreProblem, 'kind' | 'file' | 'message'> & { articleId: string | null };

/** Another writer's file that does not parse: maybe still arriving, so only reported. */
function unreadable(folder: WriterFolder, name: string, file: string, reason: string): FolderProblem {
  return {
    kind: 'unreadable',
    file,
    articleId: null,
    message: `${folder.writerId}/${name} could not be read (${reason}); it may still be arriving. It was left unchanged and is read again on the next change.`,
  };
}

/** One article file of one writer, as read (a conflict copy included, merged with its live file). */
export interface WriterArticleFile {
  writerId: string;
  fileName: string;
  conflictCopy: boolean;
  doc: ArticleFile;
}

const articleCodec = { schema: articleFileSchema, migrations: MIGRATIONS.article };

/**
 * Every article file of one writer folder: live files and conflict copies; unreadable ones and
 * newer-version ones reported, never touched.
 */
export async function readWriterArticles(
  folder: WriterFolder,
  problems: FolderProblem[],
): Promise<WriterArticleFile[]> {
  const names = await readdir(folder.annotationsDir).catch(() => [] as string[]);
  const out: WriterArticleFile[] = [];
  for (const name of names.sort()) {
    const kind = classifySyncFile(name);
    if (kind.kind !== 'live' && kind.kind !== 'conflict-copy') continue;
    const file = path.join(folder.annotationsDir, name);
    const read = await readDocument<ArticleFile>(file, articleCodec);
    if (read.state === 'missing') continue;
    if (read.state === 'corrupt') {
      problems.push(unreadable(folder, name, file, read.reason));
      continue;
    }
    const doc = read.state === 'ok' ? read.data : read.data;
    if (!doc) continue;
    if (read.state === 'future')
      problems.push({
        kind: 'future-version',
        file,
        articleId: doc.articleId,
        message: `${folder.writerId}/${name} was written by a newer version of Gloss; it is shown read-only.`,
      });
    // A file naming another article than its highlights is not trusted with any of them.
    const own = doc.annotations.filter((a) => a.articleId === doc.articleId);
    if (kind.kind === 'conflict-copy')
      problems.push({
        kind: 'conflict-copy',
        file,
        articleId: doc.articleId,
        message: `${folder.writerId}/${name} is a sync tool's conflict copy of ${kind.base}: the same writer saved on two machines. Its highlights are shown merged with the live file's; nothing was deleted.`,
      });
    out.push({
      writerId: folder.writerId,
      fileName: name,
      conflictCopy: kind.kind === 'conflict-copy',
      doc: { ...doc, annotations: own },
    });
  }
  return out;
}

/** Every codebook of a writer folder (its live one and any conflict copies of it). */
export async function readWriterCodebooks(
  folder: WriterFolder,
  problems: FolderProblem[],
): Promise<WriterCodebook[]> {
  const names = await readdir(folder.dir).catch(() => [] as string[]);
  const books: WriterCodebook[] = [];
  for (const name of names.sort()) {
    const kind = classifySyncFile(name);
    const isBook =
      name === WRITER_CODEBOOK_FILE || (kind.kind === 'conflict-copy' && kind.base === WRITER_CODEBOOK_FILE);
    if (!isBook) continue;
    const file = path.join(folder.dir, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const read = readWriterCodebook(safeJson(text));
    if (!read.ok) {
      problems.push(unreadable(folder, name, file, read.reason));
      continue;
    }
    if (name !== WRITER_CODEBOOK_FILE)
      problems.push({
        kind: 'conflict-copy',
        file,
        articleId: null,
        message: `${folder.writerId}/${name} is a sync tool's conflict copy of the writer's codebook; its changes are merged.`,
      });
    // The folder says whose book it is, not the file.
    books.push({ ...read.book, writerId: folder.writerId });
  }
  return books;
}

/** One article in the merged view. */
export interface MergedArticle {
  articleId: string;
  /** Union by id over every writer, in document order; each knows its writer. */
  annotations: WriterAnnotation[];
  /** One per writer with a memo. */
  memos: { writerId: string; memo: string }[];
  /** What the files last knew of the article (the most recently named path wins; any writer). */
  files: WriterArticleFile[];
}

export interface MergedLibrary {
  writers: { writerId: string; coder: Coder }[];
  articles: Map<string, MergedArticle>;
  codebook: MergedCodebook;
  /** Each writer's own book as read (for the writer's next change). */
  books: WriterCodebook[];
  problems: FolderProblem[];
}

/** Reads every writer folder of `dataDir` and merges them: what every reader of these files shows. */
export async function readMergedLibrary(dataDir: string): Promise<MergedLibrary> {
  const problems: FolderProblem[] = [];
  const writers: MergedLibrary['writers'] = [];
  const files: WriterArticleFile[] = [];
  const books: WriterCodebook[] = [];
  for (const writerId of await listWriterIds(dataDir)) {
    const folder = writerFolder(dataDir, writerId);
    writers.push({ writerId, coder: await readWriterCoder(dataDir, writerId) });
    files.push(...(await readWriterArticles(folder, problems)));
    books.push(...(await readWriterCodebooks(folder, problems)));
  }
  const byArticle = new Map<string, WriterArticleFile[]>();
  for (const f of files) {
    const list = byArticle.get(f.doc.articleId);
    if (list) list.push(f);
    else byArticle.set(f.doc.articleId, [f]);
  }
  const articles = new Map<string, MergedArticle>();
  for (const [articleId, list] of [...byArticle].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    articles.set(articleId, {
      articleId,
      annotations: unionHighlights(
        list.map((f) => ({ writerId: f.writerId, annotations: f.doc.annotations })),
      ),
      memos: unionMemos(
        list.map((f) => ({ writerId: f.writerId, memo: f.doc.memo, conflictCopy: f.conflictCopy })),
      ),
      files: list,
    });
  }
  const codebook = mergeCodebooks(books);
  for (const c of codebook.conflicts) {
    const problem = codebookConflictProblem(dataDir, c);
    if (problem) problems.push(problem);
  }
  return { writers, articles, codebook, books, problems };
}

/** The writer's own book among those read (a fresh one if it has none yet). */
export function ownBook(library: Pick<MergedLibrary, 'books'>, writerId: string): WriterCodebook {
  const live = library.books.filter((b) => b.writerId === writerId);
  // Conflict copies of my own book: fold them in, so writing mine keeps their changes too.
  if (live.length === 0) return emptyWriterCodebook(writerId);
  const tags: WriterCodebook['tags'] = {};
  for (const [id, tag] of Object.entries(live[0]!.tags)) setOwn(tags, id, tag);
  for (const book of live.slice(1)) {
    for (const [id, tag] of Object.entries(book.tags)) {
      const mine = Object.hasOwn(tags, id) ? tags[id] : undefined;
      if (!mine) {
        setOwn(tags, id, tag);
        continue;
      }
      const fields: Record<string, StampedField> = {};
      for (const [field, value] of Object.entries(mine.fields)) setOwn(fields, field, value);
      for (const [field, value] of Object.entries(tag.fields)) {
        const have = Object.hasOwn(fields, field) ? fields[field] : undefined;
        if (!have || have.stamp < value.stamp) setOwn(fields, field, value);
      }
      setOwn(tags, id, { created: mine.created < tag.created ? mine.created : tag.created, fields });
    }
  }
  return { ...live[0]!, writerId, tags };
}

/** A field two coders changed without seeing each other's change, as a store problem. */
export function codebookConflictProblem(dataDir: string, c: CodebookConflict): FolderProblem | null {
  if (c.kind !== 'field') return null;
  const losers = c.losers.map((l) => `${l.writerId}'s ${JSON.stringify(l.value)}`).join(', ');
  return {
    kind: 'codebook-conflict',
    file: path.join(dataDir, CODERS_DIR, c.winner.writerId, WRITER_CODEBOOK_FILE),
    articleId: null,
    message: `Two coders changed the ${c.field} of tag ${c.tagId} without seeing each other's change: ${c.winner.writerId}'s ${JSON.stringify(c.winner.value)} was kept over ${losers}.`,
  };
}

/** One writer's file for one article (live name only), or null when it has none or it is unreadable. */
export async function readWriterArticle(
  folder: WriterFolder,
  articleId: string,
  problems: FolderProblem[],
): Promise<ArticleFile | null> {
  const name = articleFileName(articleId);
  const file = path.join(folder.annotationsDir, name);
  const read = await readDocument<ArticleFile>(file, articleCodec);
  if (read.state === 'corrupt') problems.push(unreadable(folder, name, file, read.reason));
  const doc = read.state === 'ok' || read.state === 'future' ? read.data : null;
  if (!doc || doc.articleId !== articleId) return null;
  return { ...doc, annotations: doc.annotations.filter((a) => a.articleId === articleId) };
}
