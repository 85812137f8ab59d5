/**
 * Builds the Gloss service: the handlers of every operation in the contract, bound to one
 * `ServiceContext`. Both hosts call it only through `dispatch()`.
 */
import type { GlossEvent, GlossHandlers } from './contract.js';
import { libraryHandlers, switchLibrary } from './library-handlers.js';
import { annotationHandlers } from './annotation-handlers.js';
import { exportHandlers } from './export-handlers.js';
import type { AppState } from './library-contract.js';
import type { HostDialogs, ServiceContext } from './service-context.js';
import { AppSettings } from '../settings/app-settings.js';

export interface CreateServiceOptions {
  host: AppState['host'];
  version: string;
  appDataDir: string;
  watch?: boolean;
  dialogs?: HostDialogs | null;
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
    emit: (event) => listeners.forEach((listener) => listener(event)),
  };
  const handlers = {
    ...libraryHandlers(ctx),
    ...annotationHandlers(ctx),
    ...exportHandlers(ctx),
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
    },
    async close() {
      await ctx.session?.close();
      ctx.session = null;
    },
  };
}
