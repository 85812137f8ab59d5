/**
 * The bridge between the sandboxed renderer and the main process. It exposes the host connection
 * (`window.glossHost`: send an operation, subscribe to events) and the dropped-folder opener; never
 * `ipcRenderer` itself. The page builds its typed client on the connection with `createClient`
 * (core/api/client.ts), in its own world: an error thrown here would reach the page without its
 * code, because the context bridge copies only an error's message. Envelopes are plain objects and
 * cross whole. Sandboxed, this file is bundled as CommonJS that may require only `electron`.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { GlossEvent } from '../core/api/contract.js';
import type { HostConnection } from '../core/api/client.js';
import { unwrap, type Reply } from '../core/api/reply.js';
import { IPC } from './ipc-channels.js';

const host: HostConnection = {
  call: (name, input) => ipcRenderer.invoke(IPC.op, name, input) as Promise<Reply>,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, payload: GlossEvent) => listener(payload);
    ipcRenderer.on(IPC.event, handler);
    return () => ipcRenderer.removeListener(IPC.event, handler);
  },
};
contextBridge.exposeInMainWorld('glossHost', host);

// Dropped folders: the sandbox hides file paths, so the preload asks Electron for the path of the
// File the page hands over and passes it to main itself. The page never gets to name a path: a
// File made by script has none (getPathForFile answers ''), and anything else throws.
contextBridge.exposeInMainWorld('glossFiles', {
  openDroppedFolder: async (file: File): Promise<unknown> =>
    unwrap(await ipcRenderer.invoke(IPC.openDropped, webUtils.getPathForFile(file))),
});
