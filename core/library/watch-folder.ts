/**
 * Watches a library folder with chokidar 4 and reports article files added, changed or removed,
 * ignoring hidden entries (and so `.gloss`). Symbolic links are not followed here, so a link loop
 * cannot make the watcher recurse forever (the scan follows them, with loop detection).
 */
import { sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isArticleFile } from './article-files.js';

export type WatchEvent = 'add' | 'change' | 'unlink' | 'unlinkDir';

export interface FolderWatcher {
  /** Resolves once the watcher has read the tree and reports events. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchFolder(
  root: string,
  onEvent: (event: WatchEvent, absPath: string) => void,
  onError: (err: unknown) => void,
): FolderWatcher {
  const ignored = (path: string, stats?: { isFile(): boolean }): boolean => {
    const rel = path.startsWith(root) ? path.slice(root.length) : path;
    if (rel.split(sep).some((part) => part.startsWith('.'))) return true;
    return !!stats?.isFile() && !isArticleFile(path);
  };
  const watcher: FSWatcher = watch(root, {
    ignored,
    ignoreInitial: true,
    followSymlinks: false,
    // Wait until a file stops growing, so a half-written file is not parsed.
    awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 30 },
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watcher.on('add', (p) => onEvent('add', p));
  watcher.on('change', (p) => onEvent('change', p));
  watcher.on('unlink', (p) => onEvent('unlink', p));
  watcher.on('unlinkDir', (p) => onEvent('unlinkDir', p));
  watcher.on('error', onError);
  return { ready, close: () => watcher.close() };
}
