/**
 * Walks a library folder and lists its article files with size and mtime. Skips hidden entries
 * and Gloss's own `.gloss` folder, follows symbolic links but never the same folder twice (so
 * link loops end), and turns unreadable folders into error strings instead of exceptions.
 * Read-only: it never writes anything.
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { isArticleFile } from './article-files.js';
import { libraryProblem } from './library-problems.js';
import type { FileInfo } from './read-article.js';

export interface ScannedFile extends FileInfo {
  absPath: string;
}

export interface FolderScan {
  files: ScannedFile[];
  errors: string[];
}

/** Hidden files and folders (including Gloss's own .gloss): never scanned or watched. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.');
}

const describe = (err: unknown): string => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'it no longer exists';
  if (e.code === 'ELOOP') return 'too many symbolic links';
  return e.code ?? e.message;
};

/** Let other work (list() calls, IPC) run between slices of synchronous file-system calls. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Synchronous readdir/stat in slices of about 10 ms (`onFound` hears the count of files found so
 * far after each folder): on this kind of machine `statSync` is ~3x
 * faster than `fs.promises.stat` for 10,000 small files (no thread-pool round trip), and that
 * decides how fast a library reopens from the cache.
 */
export interface ScanFolderOptions {
  /**
   * false: regular files are listed without a stat (size and mtimeMs -1); the caller opens each file
   * anyway and takes them from the open file (a cold scan, see readArticleHeadSync), which saves
   * one path lookup per file. Links and folders are always stat'ed.
   */
  statFiles?: boolean;
}

export async function scanFolder(
  root: string,
  onFound?: (files: number) => void,
  options: ScanFolderOptions = {},
): Promise<FolderScan> {
  const statFiles = options.statFiles !== false;
  const files: ScannedFile[] = [];
  const errors: string[] = [];
  const seenDirs = new Set<string>();
  let sliceStart = Date.now();
  const maybeYield = async (): Promise<void> => {
    if (Date.now() - sliceStart < 10) return;
    await yieldToEventLoop();
    sliceStart = Date.now();
  };

  try {
    const rootStat = statSync(root);
    if (!rootStat.isDirectory()) return { files, errors: [libraryProblem('not-a-folder', { path: root })] };
    seenDirs.add(`${rootStat.dev}:${rootStat.ino}`);
  } catch (err) {
    return {
      files,
      errors: [libraryProblem('cannot-open-folder', { reason: describe(err), path: root })],
    };
  }

  const walk = async (dir: string, rel: string): Promise<void> => {
    // `dir` is normalized (the root resolved, then only names added), so a plain concatenation
    // is what join() would give, without its normalizing pass per file.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push(libraryProblem('cannot-read-folder', { path: rel || '.', reason: describe(err) }));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: [string, string][] = [];
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const isLink = entry.isSymbolicLink();
      if (!isLink && !entry.isDirectory() && !entry.isFile()) continue; // sockets, FIFOs, devices
      if (!isLink && entry.isFile() && !isArticleFile(entry.name)) continue;
      const abs = prefix + entry.name;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (!statFiles && !isLink && entry.isFile()) {
        files.push({ absPath: abs, relPath, size: -1, mtimeMs: -1 });
        continue;
      }
      let st: Stats;
      try {
        st = statSync(abs);
      } catch (err) {
        errors.push(
          libraryProblem(isLink ? 'broken-link' : 'cannot-read-file', {
            path: relPath,
            reason: describe(err),
          }),
        );
        continue;
      }
      if (st.isDirectory()) {
        const key = `${st.dev}:${st.ino}`;
        if (seenDirs.has(key)) continue; // a link back to a folder already walked: a loop
        seenDirs.add(key);
        subdirs.push([abs, relPath]);
      } else if (st.isFile() && isArticleFile(entry.name)) {
        files.push({ absPath: abs, relPath, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
    onFound?.(files.length);
    await maybeYield();
    for (const [abs, relPath] of subdirs) await walk(abs, relPath);
  };

  await walk(resolve(root), '');
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { files, errors };
}
