/**
 * Gloss never follows a symbolic link in its data folder: a `.gloss` (or a folder or file Gloss
 * made inside it) that is a link would make the store read and write wherever the link points.
 * Checked with lstat before use; a link is refused with a message saying what to do.
 */
import { lstat } from 'node:fs/promises';
import { ApiError } from '../errors.js';

/** Throws when `p` is a symbolic link; a missing path is fine (Gloss creates it). */
export async function refuseSymlink(p: string): Promise<void> {
  const info = await lstat(p).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!info?.isSymbolicLink()) return;
  throw new ApiError(
    'invalid-input',
    `${p} is a symbolic link. Gloss does not follow links where it keeps highlights, so that they ` +
      'are never written somewhere else. Replace the link with a real folder (move what it points ' +
      'to into its place) and open the library again.',
  );
}

/** `refuseSymlink` for each path, in order (a folder before what is inside it). */
export async function refuseSymlinks(paths: readonly string[]): Promise<void> {
  for (const p of paths) await refuseSymlink(p);
}
