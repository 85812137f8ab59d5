/**
 * The one API the UI talks to. In the desktop app the preload exposes `window.gloss` (one
 * function per operation); in the browser mode the same operations go over HTTP. The UI never
 * knows which host it runs in.
 */
import type { GlossApi, GlossEvent } from '../../../core/api/contract.js';
import { createHttpApi } from './http-api.js';
import type { AppApi } from './app-api.js';

export interface HostBridge {
  api: AppApi;
  /** Subscribe to events pushed by the host; returns the unsubscribe function. */
  onEvent(listener: (event: GlossEvent) => void): () => void;
}

declare global {
  interface Window {
    gloss?: GlossApi;
    glossEvents?: { subscribe(listener: (event: GlossEvent) => void): () => void };
  }
}

export function connectToHost(): HostBridge {
  if (window.gloss && window.glossEvents) {
    const events = window.glossEvents;
    return { api: window.gloss as AppApi, onEvent: (listener) => events.subscribe(listener) };
  }
  return createHttpApi();
}
