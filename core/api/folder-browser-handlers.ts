/** Handlers of the folder browser (browser mode only: the desktop app has the native dialog). */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { ApiError } from '../errors.js';
import { listFolder } from '../library/folder-listing.js';
import type { OpOutput, OpParsedInput } from './contract.js';
import type { HandlersOf } from './define.js';
import type { folderBrowserContract } from './folder-browser-contract.js';
import type { ServiceContext } from './service-context.js';

export type FolderBrowserHandlers = HandlersOf<typeof folderBrowserContract>;

/** `~` and `~/…` are the home folder; anything else is resolved from it. */
export function expandPath(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return resolve(home, path.slice(2));
  return resolve(home, path);
}

export function folderBrowserHandlers(
  ctx: ServiceContext,
  home: () => string = homedir,
): FolderBrowserHandlers {
  return {
    async browseFolders({
      path,
      showHidden,
    }: OpParsedInput<'browseFolders'>): Promise<OpOutput<'browseFolders'>> {
      // The desktop page shows hostile articles and chooses folders only through the native
      // dialog; it has no need to look around the disk.
      if (ctx.host === 'desktop')
        throw new ApiError('unknown-operation', 'The desktop app chooses folders with its own dialog.');
      const homeDir = home();
      return {
        listing: await listFolder(expandPath(path ?? homeDir, homeDir), { showHidden }),
        home: homeDir,
        recent: ctx.settings.recent.map((dir) => ({ path: dir, exists: existsSync(dir) })),
      };
    },
  };
}
