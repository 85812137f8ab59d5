/**
 * The state behind one running Gloss (the desktop app or a `gloss serve` process): which
 * library is open, its annotation store, and the app settings. The handler modules
 * (`*-handlers.ts`) read and change it; the hosts only create it and forward calls.
 */
import type { GlossEvent } from './contract.js';
import type { AppState, LibraryInfo } from './library-contract.js';
import type { LibraryHandle } from '../library/library-handle.js';
import type { AnnotationService } from '../store/annotation-service.js';
import type { AppSettings } from '../settings/app-settings.js';

export interface ServiceContext {
  host: AppState['host'];
  version: string;
  /** Folder for app-wide data (settings, recent libraries, fallback stores, caches). */
  appDataDir: string;
  settings: AppSettings;
  emit: (event: GlossEvent) => void;
  /** Set when a library is open. */
  session: LibrarySession | null;
  /** Watch library folders for changes (off in one-shot CLI commands). */
  watch: boolean;
  /** Native dialogs, when the host has them (the desktop app); the browser mode has none. */
  dialogs: HostDialogs | null;
  /**
   * The coder named for this process (`--coder`, GLOSS_CODER), over the preference; null: the
   * preference `creator`, else the OS user (see coder-handlers.ts `currentWriter`).
   */
  coderName: string | null;
}

export interface HostDialogs {
  pickFolder(): Promise<string | null>;
  pickSaveFile(defaultName: string, extensions: string[]): Promise<string | null>;
  showInFolder(path: string): void;
}

/** Everything that belongs to one open library; closed as a unit when another opens. */
export interface LibrarySession {
  info: LibraryInfo;
  library: LibraryHandle;
  annotations: AnnotationService;
  close(): Promise<void>;
}
