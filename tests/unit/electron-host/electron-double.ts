/**
 * A recording stand-in for the `electron` module, so the built desktop host (dist/electron/main.js
 * and preload.cjs) runs under plain Node in a unit test: it records what the host registers
 * (protocol handlers, IPC handlers, session rules, the menu, windows) and lets the test fire
 * Electron's events (ready, second-instance, web-contents-created, navigation…). Only what Gloss
 * uses is here; a call to anything else fails loudly as undefined.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** Fires `ready`, as Electron does once it has started. */
export function fireReady(): void {
  app.emit('ready');
  resolveReady();
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  paths: new Map<string, string>(),
  quits: 0,
  setPath(name: string, path: string) {
    app.paths.set(name, path);
  },
  getPath(name: string): string {
    const path = app.paths.get(name);
    if (!path) throw new Error(`electron double: no path "${name}" set`);
    return path;
  },
  getVersion: () => '0.0.0-test',
  requestSingleInstanceLock: () => true,
  quit() {
    app.quits++;
  },
  whenReady: () => ready,
});

/** A web contents: an event emitter with the window-open handler it was given. */
export class WebContentsDouble extends EventEmitter {
  readonly mainFrame = { url: 'app://gloss/index.html' };
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly webContents = new WebContentsDouble();
  readonly loaded: string[] = [];
  minimized = false;
  restored = 0;
  focused = 0;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  maximize() {}
  show() {
    this.shown = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.restored++;
  }
  focus() {
    this.focused++;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1360, height: 860 };
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (ipcMain.handlers.has(channel)) throw new Error(`electron double: ${channel} handled twice`);
    ipcMain.handlers.set(channel, handler);
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    protocol.handlers.set(scheme, handler);
  },
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Electron's net.fetch for the file:// URLs app-protocol.ts asks for; it records each one. */
export const net = {
  fetched: [] as string[],
  async fetch(url: string): Promise<Response> {
    net.fetched.push(url);
    const path = fileURLToPath(url);
    const body = await readFile(path); // rejects on a missing file, like Electron's
    return new Response(body, { headers: { 'content-type': TYPES[extname(path)] ?? 'text/plain' } });
  },
};

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (allow: boolean) => void) => void;
type PermissionCheckHandler = (wc: unknown, permission: string) => boolean;

export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      session.defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      session.defaultSession.permissionCheckHandler = handler;
    },
  },
};

export interface MenuItemDouble {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemDouble[];
}

export const Menu = {
  application: null as { template: MenuItemDouble[] } | null,
  buildFromTemplate: (template: MenuItemDouble[]) => ({ template }),
  setApplicationMenu(menu: { template: MenuItemDouble[] }) {
    Menu.application = menu;
  },
};

export const dialog = {
  errors: [] as string[],
  nextFolder: null as string | null,
  async showOpenDialog() {
    const folder = dialog.nextFolder;
    dialog.nextFolder = null;
    return folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    return { canceled: true };
  },
  showErrorBox(title: string, message: string) {
    dialog.errors.push(`${title}: ${message}`);
  },
  async showMessageBox(_window: unknown, options: { detail?: string }) {
    dialog.errors.push(options.detail ?? '');
    return { response: 0 };
  },
};

export const shell = {
  opened: [] as string[],
  shown: [] as string[],
  async openExternal(url: string) {
    shell.opened.push(url);
  },
  showItemInFolder(path: string) {
    shell.shown.push(path);
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

// The preload's side.

/** Files "dropped" by the test, with their paths; a File made by script has none. */
export const droppedPaths = new WeakMap<object, string>();

export const webUtils = {
  getPathForFile(file: unknown): string {
    if (typeof file !== 'object' || file === null) throw new TypeError('Not a File');
    return droppedPaths.get(file) ?? '';
  },
};

export const contextBridge = {
  exposed: new Map<string, Record<string, unknown>>(),
  exposeInMainWorld(key: string, api: Record<string, unknown>) {
    contextBridge.exposed.set(key, api);
  },
};

/** The app's own top frame: what main sees for a request from the preload. */
function trustedEvent(): unknown {
  const contents = BrowserWindow.windows[0]?.webContents;
  if (!contents) throw new Error('electron double: no window yet');
  return { sender: contents, senderFrame: contents.mainFrame };
}

export const ipcRenderer = Object.assign(new EventEmitter(), {
  async invoke(channel: string, ...args: unknown[]) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`electron double: nothing handles ${channel}`);
    return handler(trustedEvent(), ...args);
  },
});
