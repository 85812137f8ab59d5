/**
 * The bridge between the sandboxed renderer and the main process. It exposes one named
 * function per API operation (`window.gloss.openLibrary(...)` …) and an event subscription;
 * never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { operationNames, type GlossApi, type GlossEvent } from '../core/api/contract.js';

type Reply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

async function call(name: string, input: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke('gloss:op', name, input)) as Reply;
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.result;
}

const api = Object.fromEntries(
  operationNames.map((name) => [name, (input: unknown) => call(name, input)]),
) as unknown as GlossApi;

contextBridge.exposeInMainWorld('gloss', api);
contextBridge.exposeInMainWorld('glossEvents', {
  subscribe(listener: (event: GlossEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, payload: GlossEvent) => listener(payload);
    ipcRenderer.on('gloss:event', handler);
    return () => ipcRenderer.removeListener('gloss:event', handler);
  },
});

// Dropped folders: the sandbox hides file paths, so the preload asks Electron for them.
contextBridge.exposeInMainWorld('glossFiles', {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
