/**
 * A small JSON file kept per writer beside its highlights (`<dataDir>/coders/<writerId>/<name>`):
 * the done marks, the review's dismissed places. Read from every writer folder as hostile input
 * (size-capped, parsed, checked with zod; a bad file is reported, never changed); written only in
 * one's own folder, under a lock with a fresh read inside it, durably. A bad file of one's own is
 * refused rather than replaced, so a click never loses what it held.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ApiError } from '../errors.js';
import { writeFileDurable } from '../files/durable-write.js';
import { jsonText } from '../files/durable-json-adapter.js';
import { FileLocks } from './file-lock.js';
import { storeLayout } from './store-layout.js';
import { listWriterIds, writerFolder } from './writer-folders.js';

/** Largest file read (far above any honest one). */
const MAX_BYTES = 64 * 1024 * 1024;

export interface WriterFileProblem {
  file: string;
  message: string;
}

type Read<T> = { doc: T } | { problem: string } | null;

async function readChecked<T>(file: string, schema: z.ZodType<T>): Promise<Read<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { problem: `cannot be read (${(err as Error).message})` };
  }
  if (text.length > MAX_BYTES) return { problem: 'is too large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problem: `is not JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { problem: `is not one Gloss can read (${parsed.error.issues[0]?.message})` };
  return { doc: parsed.data };
}

export function writerFileOf(dataDir: string, writerId: string, name: string): string {
  return path.join(writerFolder(dataDir, writerId).dir, name);
}

/** The file `name` of every writer folder that has a good one, in the data folders given. */
export async function readWriterFiles<T>(
  dataDirs: readonly string[],
  name: string,
  schema: z.ZodType<T>,
  problems: WriterFileProblem[] = [],
): Promise<{ writerId: string; doc: T }[]> {
  const out: { writerId: string; doc: T }[] = [];
  for (const dataDir of dataDirs) {
    for (const writerId of await listWriterIds(dataDir)) {
      const file = writerFileOf(dataDir, writerId, name);
      const read = await readChecked(file, schema);
      if (read === null) continue;
      if ('problem' in read) problems.push({ file, message: `The file ${file} ${read.problem}.` });
      else out.push({ writerId, doc: read.doc });
    }
  }
  return out;
}

const locksByDir = new Map<string, FileLocks>();

function locksOf(locksDir: string): FileLocks {
  let locks = locksByDir.get(locksDir);
  if (!locks) {
    locks = new FileLocks(locksDir, () => undefined);
    locksByDir.set(locksDir, locks);
  }
  return locks;
}

/** Changes one's own file `name` (`change` gets a fresh read, or `empty()`, and returns the new doc). */
export async function updateWriterFile<T>(
  dataDir: string,
  writerId: string,
  name: string,
  schema: z.ZodType<T>,
  empty: () => T,
  change: (doc: T) => T,
): Promise<void> {
  const file = writerFileOf(dataDir, writerId, name);
  const { locksDir } = storeLayout(dataDir);
  await mkdir(locksDir, { recursive: true });
  await mkdir(path.dirname(file), { recursive: true });
  await locksOf(locksDir).withLock(file, `${name}-${writerId}`, async () => {
    const read = await readChecked(file, schema);
    if (read && 'problem' in read)
      throw new ApiError('conflict', `The file ${file} ${read.problem}; fix or remove it to save this.`);
    await writeFileDurable(file, jsonText(change(read?.doc ?? empty())));
  });
}
