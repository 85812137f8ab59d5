/**
 * Durable atomic file replacement: write a unique temp file, fsync it, rename it over the
 * target, then fsync the folder so the rename itself survives a power cut.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { removeStaleTempFiles } from '../store/durable-write.js';

/** `data` may be a stream of chunks (an export), written as it comes without holding it all. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
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
  await fsyncDir(dirname(file));
}

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Deletes the temp files writeFileAtomic left beside `file` when its process was killed mid-write,
 * once they are an hour old (a young one may belong to another process writing right now).
 */
export function removeStaleTemps(file: string): Promise<number> {
  const prefix = `${basename(file)}.`;
  return removeStaleTempFiles(
    dirname(file),
    undefined,
    (name) => name.startsWith(prefix) && name.endsWith('.tmp'),
  );
}
