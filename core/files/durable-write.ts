/**
 * The one way Gloss replaces a file: a crash at any moment leaves either the old or the new content,
 * and a resolved promise means the new content survives power loss. A unique hidden temp file in
 * the same folder is written and flushed, renamed over the target, then the folder is flushed so
 * the rename itself is on disk. (lowdb's and write-file-atomic's writers rename but never fsync the
 * folder.) Two entry points share these steps:
 *   - `writeFileDurable`: small files written often (the store, settings), with synchronous calls;
 *   - `writeStreamDurable`: large or streamed content (exports, the parse cache), asynchronous so
 *     the process keeps serving while it is written.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Temp files are hidden, name the target, and end in `.tmp` so a listing can skip them. */
function tempName(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** fsync a folder so a rename or unlink in it is on disk. Windows cannot open folders: skip there. */
export async function syncDirectory(dir: string): Promise<void> {
  syncDirectorySync(dir);
}

function syncDirectorySync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Synchronous calls on purpose: the async ones made eight thread-pool round trips per save, and
 * under load their queueing, not the disk, made the slowest saves (p95) slow. The thread waits for
 * the two flushes instead (a few ms, once per user action). fdatasync for the file: it flushes the
 * data and the metadata needed to read it back (size, blocks), which is all a new file needs.
 */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const temp = tempName(file);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeFileSync(fd, data, typeof data === 'string' ? 'utf8' : undefined);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw err;
  }
  syncDirectorySync(path.dirname(file));
}

/**
 * The same replacement for content too big to hold or to write in one blocking call: `data` may be
 * a stream of chunks (an export), written as it comes. A failed write leaves no half file behind.
 */
export async function writeStreamDurable(
  file: string,
  data: string | Uint8Array | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const temp = tempName(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else
        for await (const chunk of data) {
          if (typeof chunk === 'string') await handle.write(chunk);
          else await handle.write(chunk);
        }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDirectory(path.dirname(file));
}

/** Removes a file and makes the removal durable; a file already gone is fine. */
export async function unlinkDurable(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await syncDirectory(path.dirname(file));
}

/** A temp file of this module (or the store's write probe): hidden and ending in `.tmp`. */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/**
 * The temp files of one target, for folders shared with other files (the app's data folder).
 * Earlier versions named them without the leading dot (`settings.json.<pid>.<hex>.tmp`).
 */
export function isTempFileOf(file: string): (name: string) => boolean {
  const base = path.basename(file);
  return (name) => name.endsWith('.tmp') && (name.startsWith(`.${base}.`) || name.startsWith(`${base}.`));
}

/**
 * Deletes temp files left by a crash (by default every one of this module's in `dir`; `isTemp`
 * narrows or widens that). Only old ones: a young one may belong to another process that is
 * writing right now.
 */
export async function removeStaleTempFiles(
  dir: string,
  olderThanMs = 60 * 60 * 1000,
  isTemp: (name: string) => boolean = isTempFile,
): Promise<number> {
  let removed = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!isTemp(name)) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await unlink(file).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
