/**
 * The one API the UI talks to. The desktop preload offers a host connection over IPC
 * (`window.glossHost`); in the browser mode the connection is HTTP. Either way the typed client is
 * `createClient` over it, so the UI never knows which host it runs in and every failed call is an
 * `ApiError` with a code.
 */
import type { GlossApi, GlossEvent } from '../../../core/api/contract.js';
import { createClient, type HostConnection } from '../../../core/api/client.js';
import { connectOverHttp } from './http-api.js';

export interface HostBridge {
  api: GlossApi;
  /** Subscribe to events pushed by the host; returns the unsubscribe function. */
  onEvent(listener: (event: GlossEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Desktop only (preload). */
    glossHost?: HostConnection;
  }
}

export function bridgeOver(host: HostConnection): HostBridge {
  return { api: createClient(host.call), onEvent: (listener) => host.subscribe(listener) };
}

export function connectToHost(): HostBridge {
  const desktop = window.glossHost;
  return bridgeOver(typeof desktop?.call === 'function' ? desktop : connectOverHttp());
}
