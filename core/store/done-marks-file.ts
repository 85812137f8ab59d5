/**
 * The marks files on disk (see core/teams/done-marks.ts): this writer's
 * `<dataDir>/coders/<writerId>/marks.json`, changed under a lock with a fresh read inside it and
 * written durably; every writer folder's file read and merged per coder. Other writers' files are
 * hostile input: checked, reported when unreadable, never written.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../errors.js';
import { writeFileDurable } from '../files/durable-write.js';
import { jsonText } from '../files/durable-json-adapter.js';
import {
  DONE_MARKS_FILE,
  doneMarksSchema,
  emptyDoneMarks,
  mergeDoneMarks,
  withDoneMark,
  type DoneMarksFile,
  type WriterMarks,
} from '../teams/done-marks.js';
import { parseWriterId } from '../teams/coder.js';
import { FileLocks } from './file-lock.js';
import { storeLayout } from './store-layout.js';
import { listWriterIds, writerFolder } from './writer-folders.js';

/** Largest marks file read (a million marks is ~60 MB; anything bigger is not ours). */
const MAX_BYTES = 64 * 1024 * 1024;

export interface MarksProblem {
  file: string;
  message: string;
}

type Read = { marks: DoneMarksFile } | { problem: string } | null;

async function readMarks(file: string): Promise<Read> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { problem: `cannot be read (${(err as Error).message})` };
  }
  if (text.length > MAX_BYTES) return { problem: 'is too large to be a marks file' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problem: `is not JSON (${(err as Error).message})` };
  }
  const parsed = doneMarksSchema.safeParse(json);
  if (!parsed.success)
    return { problem: `is not a marks file Gloss can read (${parsed.error.issues[0]?.message})` };
  return { marks: parsed.data };
}

export function marksFileOf(dataDir: string, writerId: string): string {
  return path.join(writerFolder(dataDir, writerId).dir, DONE_MARKS_FILE);
}

/** Every coder's done articles, merged over the writer folders of the data folders given. */
export async function readDoneMarks(
  dataDirs: readonly string[],
  problems: MarksProblem[] = [],
): Promise<Map<string, Set<string>>> {
  const writers: WriterMarks[] = [];
  for (const dataDir of dataDirs) {
    for (const writerId of await listWriterIds(dataDir)) {
      const file = marksFileOf(dataDir, writerId);
      const read = await readMarks(file);
      if (read === null) continue;
      if ('problem' in read) problems.push({ file, message: `The marks file ${file} ${read.problem}.` });
      else writers.push({ coderId: parseWriterId(writerId)!.coderId, marks: read.marks });
    }
  }
  return mergeDoneMarks(writers);
}

const locksByDir = new Map<string, FileLocks>();

function locksOf(dataDir: string): FileLocks {
  const locksDir = storeLayout(dataDir).locksDir;
  let locks = locksByDir.get(locksDir);
  if (!locks) {
    locks = new FileLocks(locksDir, () => undefined);
    locksByDir.set(locksDir, locks);
  }
  return locks;
}

/**
 * Marks (or unmarks) an article in this writer's own file. A file of ours that cannot be read is
 * refused, not replaced: the marks in it are not lost by a click.
 */
export async function setDoneMark(
  dataDir: string,
  writerId: string,
  articleId: string,
  done: boolean,
): Promise<void> {
  const file = marksFileOf(dataDir, writerId);
  await mkdir(storeLayout(dataDir).locksDir, { recursive: true });
  await locksOf(dataDir).withLock(file, `marks-${writerId}`, async () => {
    const read = await readMarks(file);
    if (read && 'problem' in read)
      throw new ApiError(
        'conflict',
        `The marks file ${file} ${read.problem}; fix or remove it to mark articles.`,
      );
    const next = withDoneMark(read?.marks ?? emptyDoneMarks(), articleId, done, new Date().toISOString());
    await writeFileDurable(file, jsonText(next));
  });
}
