/**
 * One folder's sub-folders, for the browser mode's folder browser (the desktop app has the native
 * dialog). Symbolic links are never followed silently: the listing is of the folder's real path,
 * and a linked sub-folder is marked as a link with where it leads. Hidden folders (a leading dot)
 * are left out unless asked for. A folder that is gone, is a file or cannot be read is a `problem`
 * for the UI to word, never a thrown error.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, parse, sep } from 'node:path';
import { isArticleFile } from './article-files.js';

export interface FolderEntry {
  name: string;
  /** Where choosing it goes: for a link, the real folder it leads to. */
  path: string;
  /** A symbolic link (or Windows junction) to a folder elsewhere. */
  link: boolean;
}

export type FolderProblem = 'missing' | 'not-folder' | 'denied' | 'unreadable';

export interface FolderListing {
  /** The folder listed, as its real path (links resolved). */
  path: string;
  /** The folder above, null at a root. */
  parent: string | null;
  /** From the root down to this folder, for a breadcrumb. */
  crumbs: { name: string; path: string }[];
  folders: FolderEntry[];
  /** Hidden folders left out of `folders`. */
  hidden: number;
  /** Folders past the first MAX_LISTED (by name), not listed. */
  more: number;
  /** Article files in the folder and below (hidden folders and links not walked), as far as counted. */
  articleFiles: { count: number; complete: boolean };
  problem: FolderProblem | null;
}

/** At most this many sub-folders are listed (a folder of 100,000 is not a library to browse). */
export const MAX_LISTED = 2000;
/** The article count walks at most this many folders, so a listing of the home folder stays fast. */
const COUNT_FOLDER_BUDGET = 400;
const COUNT_TIME_BUDGET_MS = 150;

function problemOf(err: unknown): FolderProblem {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'missing';
  if (code === 'ENOTDIR') return 'not-folder';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  return 'unreadable';
}

export function crumbsOf(path: string): { name: string; path: string }[] {
  const { root } = parse(path);
  const parts = path.slice(root.length).split(sep).filter(Boolean);
  const crumbs = [{ name: root, path: root }];
  let at = root;
  for (const part of parts) {
    at = join(at, part);
    crumbs.push({ name: part, path: at });
  }
  return crumbs;
}

function parentOf(path: string): string | null {
  const up = dirname(path);
  return up === path ? null : up;
}

async function linkedFolder(at: string): Promise<string | null> {
  try {
    const target = await realpath(at);
    return (await stat(target)).isDirectory() ? target : null;
  } catch {
    return null; // a dangling or unreadable link leads nowhere to browse
  }
}

/**
 * Counts article files below `folder` breadth-first, within a budget of folders and time; links
 * and hidden folders are not walked, as the library scan does not read them either.
 */
async function countArticleFiles(folder: string, first: Dirent[]): Promise<FolderListing['articleFiles']> {
  const started = Date.now();
  let count = 0;
  let walked = 0;
  const queue: string[] = [];
  const take = (dir: string, entries: Dirent[]) => {
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile() && isArticleFile(entry.name)) count++;
      else if (entry.isDirectory()) queue.push(join(dir, entry.name));
    }
  };
  take(folder, first);
  while (queue.length > 0) {
    if (walked >= COUNT_FOLDER_BUDGET || Date.now() - started > COUNT_TIME_BUDGET_MS)
      return { count, complete: false };
    const dir = queue.shift()!;
    walked++;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
    if (entries) take(dir, entries);
  }
  return { count, complete: true };
}

export async function listFolder(
  requested: string,
  options: { showHidden: boolean },
): Promise<FolderListing> {
  const failed = (path: string, problem: FolderProblem): FolderListing => ({
    path,
    parent: parentOf(path),
    crumbs: crumbsOf(path),
    folders: [],
    hidden: 0,
    more: 0,
    articleFiles: { count: 0, complete: true },
    problem,
  });
  let path: string;
  let entries: Dirent[];
  try {
    path = await realpath(requested);
  } catch (err) {
    return failed(requested, problemOf(err));
  }
  try {
    if (!(await stat(path)).isDirectory()) return failed(path, 'not-folder');
    entries = await readdir(path, { withFileTypes: true });
  } catch (err) {
    return failed(path, problemOf(err));
  }

  const folders: FolderEntry[] = [];
  let hidden = 0;
  for (const entry of entries) {
    const isFolder = entry.isDirectory();
    if (!isFolder && !entry.isSymbolicLink()) continue;
    const at = join(path, entry.name);
    const target = isFolder ? at : await linkedFolder(at);
    if (!target) continue;
    if (entry.name.startsWith('.') && !options.showHidden) {
      hidden++;
      continue;
    }
    folders.push({ name: entry.name, path: target, link: !isFolder });
  }
  folders.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
  return {
    path,
    parent: parentOf(path),
    crumbs: crumbsOf(path),
    folders: folders.slice(0, MAX_LISTED),
    hidden,
    more: Math.max(0, folders.length - MAX_LISTED),
    articleFiles: await countArticleFiles(path, entries),
    problem: null,
  };
}
