/**
 * The bridge between the sandboxed renderer and the main process. It exposes one named
 * function per API operation (`window.gloss.openLibrary(...)` …) and an event subscription;
 * never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { operationNames, type GlossApi, type GlossEvent } from '../core/api/contract.js';
import { IPC } from './ipc-channels.js';

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

async function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply;
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.result;
}

const api = Object.fromEntries(
  operationNames.map((name) => [name, (input: unknown) => call(IPC.op, name, input)]),
) as unknown as GlossApi;

contextBridge.exposeInMainWorld('gloss', api);
contextBridge.exposeInMainWorld('glossEvents', {
  subscribe(listener: (event: GlossEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, payload: GlossEvent) => listener(payload);
    ipcRenderer.on(IPC.event, handler);
    return () => ipcRenderer.removeListener(IPC.event, handler);
  },
});

// Dropped folders: the sandbox hides file paths, so the preload asks Electron for the path of the
// File the page hands over and passes it to main itself. The page never gets to name a path: a
// File made by script has none (getPathForFile answers ''), and anything else throws.
contextBridge.exposeInMainWorld('glossFiles', {
  openDroppedFolder: (file: File): Promise<unknown> => call(IPC.openDropped, webUtils.getPathForFile(file)),
});
