/**
 * The one-time move of a library's store from the format before coders (`.gloss/annotations/` and
 * `.gloss/codebook.json`, one writer) into the migrating coder's writer folder
 * (`.gloss/coders/<writerId>/`). Order matters for a crash half-way: every file is first copied
 * (durably; copying again gives the same files), the codebook converted, and only then are the old
 * files moved into `backup-pre-teams-<stamp>/`. Nothing is deleted; every id is kept.
 */
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, writeFileDurable } from '../files/durable-write.js';
import { jsonText } from '../files/durable-json-adapter.js';
import { fromLegacyCodebook } from '../teams/writer-codebook.js';
import type { HlcClock } from '../teams/hlc.js';
import type { WriterIdentity } from '../settings/coder-identity.js';
import { unionHighlights } from '../teams/annotation-union.js';
import { MIGRATIONS } from './migrations.js';
import { readDocument } from './read-document.js';
import { isArticleFileName } from './store-layout.js';
import {
  articleFileSchema,
  codebookFileSchema,
  type ArticleFile,
  type CodebookFile,
} from './store-schema.js';
import { writeWriterFile, writerFolder } from './writer-folders.js';

export interface MigrationReport {
  /** Article files copied into the writer folder. */
  articles: number;
  /** Highlights in them. */
  highlights: number;
  /** Whether the old codebook was converted (false: there was none, or a half-done run had). */
  codebook: boolean;
  /** Old files that could not be read: moved with the rest into the backup, not copied. */
  unreadable: string[];
  /** Where the old files went. */
  backupDir: string;
}

export interface MigrationOptions {
  clock: HlcClock;
  now?: Date;
  /** Moves a file or folder (tests make it fail, to check a re-run after a crash). */
  move?: (from: string, to: string) => Promise<void>;
}

/** Whether `dataDir` still holds the store in the format before coders. */
export async function needsMigration(dataDir: string): Promise<boolean> {
  const [annotations, codebook] = await Promise.all([
    stat(path.join(dataDir, 'annotations')).catch(() => null),
    stat(path.join(dataDir, 'codebook.json')).catch(() => null),
  ]);
  return Boolean(annotations?.isDirectory() || codebook?.isFile());
}

/** Fills the coder in where the old file left it empty. */
function withCoder(doc: ArticleFile, writer: WriterIdentity): ArticleFile {
  return {
    ...doc,
    annotations: doc.annotations.map((a) => ({
      ...a,
      creator: a.creator || writer.coder.name,
      creatorId: a.creatorId || writer.coder.id,
    })),
  };
}

export async function migrateToWriters(
  dataDir: string,
  writer: WriterIdentity,
  opts: MigrationOptions,
): Promise<MigrationReport | null> {
  if (!(await needsMigration(dataDir))) return null;
  const move = opts.move ?? rename;
  const folder = writerFolder(dataDir, writer.writerId);
  await mkdir(folder.annotationsDir, { recursive: true });
  await writeWriterFile(dataDir, writer.writerId, writer.coder);

  const report: Omit<MigrationReport, 'backupDir'> = {
    articles: 0,
    highlights: 0,
    codebook: false,
    unreadable: [],
  };
  const oldAnnotations = path.join(dataDir, 'annotations');
  const names = (await readdir(oldAnnotations).catch(() => [] as string[])).filter(isArticleFileName).sort();
  for (const name of names) {
    const read = await readDocument<ArticleFile>(path.join(oldAnnotations, name), {
      schema: articleFileSchema,
      migrations: MIGRATIONS.article,
    });
    if (read.state !== 'ok') {
      if (read.state !== 'missing') report.unreadable.push(name);
      continue;
    }
    const doc = withCoder(read.data, writer);
    const target = path.join(folder.annotationsDir, name);
    // A half-done run copied it already: the union keeps every id (and the same content again).
    const there = await readDocument<ArticleFile>(target, {
      schema: articleFileSchema,
      migrations: MIGRATIONS.article,
    });
    const merged =
      there.state === 'ok' && there.data.articleId === doc.articleId
        ? {
            ...doc,
            memo: doc.memo || there.data.memo,
            annotations: unionHighlights([
              { writerId: writer.writerId, annotations: there.data.annotations },
              { writerId: writer.writerId, annotations: doc.annotations },
            ]).map(({ writerId: _w, ...a }) => a),
          }
        : doc;
    await writeFileDurable(target, jsonText(merged));
    report.articles++;
    report.highlights += doc.annotations.length;
  }

  const oldCodebook = path.join(dataDir, 'codebook.json');
  const book = await readDocument<CodebookFile>(oldCodebook, {
    schema: codebookFileSchema,
    migrations: MIGRATIONS.codebook,
  });
  const ownBookThere = (await stat(folder.codebookFile).catch(() => null)) !== null;
  if (book.state === 'ok' && !ownBookThere) {
    await writeFileDurable(
      folder.codebookFile,
      jsonText(fromLegacyCodebook(book.data, writer.writerId, opts.clock)),
    );
    report.codebook = true;
  } else if (book.state === 'corrupt' || book.state === 'future') report.unreadable.push('codebook.json');
  await syncDirectory(folder.annotationsDir);
  await syncDirectory(folder.dir);

  // Last: the old files go to the backup. Until this is done, the next open runs all of it again.
  const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const backupDir = path.join(dataDir, `backup-pre-teams-${stamp}`);
  await mkdir(backupDir, { recursive: true });
  if (names.length > 0 || (await stat(oldAnnotations).catch(() => null)))
    await move(oldAnnotations, path.join(backupDir, 'annotations'));
  if (book.state !== 'missing') await move(oldCodebook, path.join(backupDir, 'codebook.json'));
  await syncDirectory(backupDir);
  await syncDirectory(dataDir);
  await writeGitignore(dataDir);
  return { ...report, backupDir };
}

/** `.gloss/.gitignore`: the lock and cache folders are this machine's, never shared. */
export async function writeGitignore(dataDir: string): Promise<void> {
  const file = path.join(dataDir, '.gitignore');
  if (await stat(file).catch(() => null)) return;
  // A library opened for the first time has no data folder yet.
  await mkdir(dataDir, { recursive: true });
  await writeFileDurable(file, 'locks/\ncache/\n');
}
