/**
 * Whether a path that is lexically inside a folder also is once symbolic links are followed, so a
 * link in a served folder (the built UI) cannot hand out a file from elsewhere on the disk.
 */
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * True when `file`'s real path is inside `root`'s real path. A file that does not exist (or a
 * dangling link) is left to the caller's read, which fails; the check is about what can be read.
 */
export function realPathInside(root: string, file: string): boolean {
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(root);
    realFile = realpathSync(file);
  } catch {
    return true;
  }
  return realFile.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}
