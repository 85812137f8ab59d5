/**
 * The browser mode's folder browser: `gloss serve` lists folders on this machine so that "Open
 * folder…" can be a browser of folders, as the desktop app's native dialog is. Like every call of
 * the browser mode, it is answered only with the per-run token.
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { FolderListing } from '../library/folder-listing.js';

export type { FolderEntry, FolderListing, FolderProblem } from '../library/folder-listing.js';

export interface RecentLibrary {
  path: string;
  /** False when the folder is gone (moved, unmounted): shown, but not offered to open. */
  exists: boolean;
}

export interface FolderBrowse {
  listing: FolderListing;
  home: string;
  recent: RecentLibrary[];
}

export const folderBrowserContract = {
  /**
   * One folder's sub-folders (default: the home folder) with the recent libraries. `~` stands for
   * the home folder; a relative path is taken from the home folder.
   */
  browseFolders: op<FolderBrowse>()(
    z
      .object({
        path: z.string().min(1).max(LIMITS.path).optional(),
        showHidden: z.boolean().default(false),
      })
      .strict(),
  ),
};
