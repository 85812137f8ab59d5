/**
 * Writes a file so that a crash at any moment leaves either the old or the new content, and a
 * resolved promise means the new content survives power loss: unique temp file in the same folder,
 * fsync it, rename over the target, fsync the folder. (lowdb's writer renames but never fsyncs.)
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
import { readdir, stat, unlink } from 'node:fs/promises';
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

/**
 * Synchronous calls on purpose: the async ones made eight thread-pool round trips per save, and
 * under load their queueing, not the disk, made the slowest saves (p95) slow. The thread waits for
 * the two flushes instead (a few ms, once per user action). fdatasync for the file: it flushes the
 * data and the metadata needed to read it back (size, blocks), which is all a new file needs.
 */
export async function writeFileDurable(file: string, data: string): Promise<void> {
  writeFileDurableSync(file, data);
}

function writeFileDurableSync(file: string, data: string): void {
  const temp = tempName(file);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeFileSync(fd, data, 'utf8');
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

function syncDirectorySync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
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

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/**
 * Deletes temp files left by a crash (by default this module's; `isTemp` names others). Only old
 * ones: a young one may belong to another process that is writing right now.
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
