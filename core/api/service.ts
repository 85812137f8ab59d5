/**
 * Builds the Gloss service: the handlers of every operation in the contract, bound to one
 * `ServiceContext`. Both hosts call it only through `dispatch()`.
 */
import type { GlossEvent, GlossHandlers } from './contract.js';
import { libraryHandlers, switchLibrary } from './library-handlers.js';
import { annotationHandlers } from './annotation-handlers.js';
import { exportHandlers } from './export-handlers.js';
import { coderHandlers } from './coder-handlers.js';
import { agreementHandlers } from './agreement-handlers.js';
import { interopHandlers } from './interop-handlers.js';
import { marksHandlers } from './marks-handlers.js';
import { reviewHandlers } from './review-handlers.js';
import { analysisHandlers } from './analysis-handlers.js';
import { chartFileHandlers } from './chart-file-handlers.js';
import { folderBrowserHandlers } from './folder-browser-handlers.js';
import type { AppState } from './library-contract.js';
import type { HostDialogs, ServiceContext } from './service-context.js';
import { AppSettings } from '../settings/app-settings.js';
import { sharedWindow } from '../clean/dom-window.js';

export interface CreateServiceOptions {
  host: AppState['host'];
  version: string;
  appDataDir: string;
  watch?: boolean;
  dialogs?: HostDialogs | null;
  /**
   * Load the cleaner (jsdom, ~1.5 s of blocking work) once the first library is scanned, so that
   * the first article opened does not wait for it. For the interactive hosts; one-shot commands
   * load it only if they clean something.
   */
  warmUpCleaner?: boolean;
  /**
   * Who is coding in this process (`--coder NAME` or GLOSS_CODER), over the preference. With
   * `coderAsked`, the first-run question is taken as answered (`gloss serve --coder`).
   */
  coder?: { name: string; asked?: boolean } | null;
}

export interface GlossService {
  handlers: GlossHandlers;
  ctx: ServiceContext;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: (event: GlossEvent) => void): () => void;
  /** Open a library from the host (command line, first run, menu). */
  open(folder: string): Promise<void>;
  close(): Promise<void>;
}

export async function createService(options: CreateServiceOptions): Promise<GlossService> {
  const listeners = new Set<(event: GlossEvent) => void>();
  const ctx: ServiceContext = {
    host: options.host,
    version: options.version,
    appDataDir: options.appDataDir,
    settings: await AppSettings.load(options.appDataDir),
    watch: options.watch ?? true,
    session: null,
    dialogs: options.dialogs ?? null,
    coderName: options.coder?.name.trim() || null,
    emit: (event) => listeners.forEach((listener) => listener(event)),
  };
  // Made once per machine and kept: every later run writes to the same writer folder.
  await ctx.settings.installationId();
  if (options.coder?.asked && ctx.coderName && !ctx.settings.preferences.coderAsked)
    await ctx.settings.setPreferences({ coderAsked: true }).catch(() => undefined);
  let warming = false;
  const handlers = {
    ...libraryHandlers(ctx),
    ...annotationHandlers(ctx),
    ...exportHandlers(ctx),
    ...coderHandlers(ctx),
    ...agreementHandlers(ctx),
    ...interopHandlers(ctx),
    ...marksHandlers(ctx),
    ...reviewHandlers(ctx),
    ...analysisHandlers(ctx),
    ...chartFileHandlers(ctx),
    ...folderBrowserHandlers(ctx),
  } satisfies GlossHandlers;
  return {
    handlers,
    ctx,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(folder) {
      await switchLibrary(ctx, folder);
      if (options.warmUpCleaner && !warming) {
        warming = true;
        void ctx.session?.library
          .whenScanned()
          .then(() => setTimeout(sharedWindow, 0))
          .catch(() => undefined); // a failed scan says so elsewhere; the cleaner loads when used
      }
    },
    async close() {
      await ctx.session?.close();
      ctx.session = null;
    },
  };
}
