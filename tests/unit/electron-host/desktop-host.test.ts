/**
 * The desktop host as built (scripts/node-bundles.mjs: dist/electron/main.js and preload.cjs),
 * run without Electron's binary: `electron` is a recording double (electron-double.ts). The test
 * fires `ready` and checks what a user's safety rests on: the window's preferences, the app://
 * protocol, who IPC answers, the navigation, window, webview and permission rules, the menu, a
 * second instance's folder, and which folders the page may open.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type HostConnection } from '../../../core/api/client.js';
import { buildDesktopHost } from './build-desktop-host.js';
import * as electron from './electron-double.js';

vi.mock('electron', () => import('./electron-double.js'));

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'gloss-desktop-host-'));
const dist = join(work, 'dist');
const ui = join(dist, 'renderer');
const libraryA = join(work, 'library-a');
const libraryB = join(work, 'library-b');
const argv = process.argv;

const trusted = () => {
  const contents = electron.BrowserWindow.windows[0]!.webContents;
  return { sender: contents, senderFrame: contents.mainFrame };
};
type Reply = { ok: boolean; result?: unknown; error?: { code: string; message: string } };
const op = (name: string, input: unknown, event: unknown = trusted()) =>
  electron.ipcMain.handlers.get('gloss:op')!(event, name, input) as Promise<Reply>;
const openRoot = async () =>
  ((await op('getAppState', {})).result as { library: { root: string } | null }).library?.root;

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  await buildDesktopHost(dist);
  // The built main finds its packages as the app does, from node_modules above it.
  symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'), 'dir');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(
    join(ui, 'index.html'),
    '<!doctype html><title>Gloss</title><script src="assets/app.js"></script>',
  );
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log("ui")');
  writeFileSync(join(dist, 'secret.txt'), 'outside the UI folder');
  for (const library of [libraryA, libraryB]) {
    cpSync(join(REPO, 'tests', 'fixtures', 'library', 'folder', 'news'), library, { recursive: true });
  }
  process.env.GLOSS_DATA_DIR = join(work, 'data');
  // Started as `electron <app folder> library-a` (development: Electron's argv names the app).
  process.argv = [process.execPath, REPO, libraryA];
  await import(pathToFileURL(join(dist, 'electron', 'main.js')).href);
  electron.fireReady();
  await until(() => electron.BrowserWindow.windows.length === 1, 'the window');
  process.argv = argv;
}, 60_000);

afterAll(() => {
  delete process.env.GLOSS_DATA_DIR;
  rmSync(work, { recursive: true, force: true });
});

/** A navigation-like event whose preventDefault the test can see. */
const cancellable = () => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});
const menuItem = (labels: string[]) => {
  let items = electron.Menu.application!.template;
  let item: electron.MenuItemDouble | undefined;
  for (const label of labels) {
    item = items.find((i) => i.label === label || i.role === label);
    items = item?.submenu ?? [];
  }
  return item;
};

describe('the desktop host, started', () => {
  it('opens the folder named on its command line', async () => {
    expect(electron.dialog.errors).toEqual([]);
    expect(await openRoot()).toBe(libraryA);
  });

  it('creates one window with the secure preferences, on app://gloss, shown when ready', () => {
    const [window] = electron.BrowserWindow.windows;
    const prefs = window!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBe(join(dist, 'electron', 'preload.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(window!.loaded).toEqual(['app://gloss/index.html']);
    expect(window!.shown).toBe(false);
    window!.emit('ready-to-show');
    expect(window!.shown).toBe(true);
  });
});

describe('app:// protocol', () => {
  const handler = () => electron.protocol.handlers.get('app')!;

  it('is registered as a standard, secure scheme before ready, and handled', () => {
    expect(electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(electron.protocol.handlers.has('app')).toBe(true);
  });

  it('serves the UI with the Content-Security-Policy and nosniff headers', async () => {
    for (const [url, file] of [
      ['app://gloss/index.html', 'index.html'],
      ['app://gloss/', 'index.html'],
      ['app://gloss/assets/app.js', 'assets/app.js'],
    ] as const) {
      const response = await handler()(new Request(url));
      expect(response.status, url).toBe(200);
      expect(await response.text()).toBe(readFileSync(join(ui, file), 'utf8'));
      const csp = new Map(
        response.headers
          .get('content-security-policy')!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name!, values.join(' ')]),
      );
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    'app://gloss/../../etc/passwd',
    'app://gloss/%2e%2e/%2e%2e/etc/passwd',
    'app://gloss/..%2f..%2fetc%2fpasswd',
    'app://gloss/assets/..%2f..%2fsecret.txt',
    'app://gloss/..%5c..%5csecret.txt',
    'app://gloss/%2e%2e%5csecret.txt',
    'app://gloss/../secret.txt',
    'app://gloss/%00index.html',
    'app://evil/index.html',
    'app://gloss//etc/passwd',
  ])('refuses %s and reads nothing outside the UI folder', async (url) => {
    electron.net.fetched.length = 0;
    const response = await handler()(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/root:|outside the UI folder/);
    for (const fetched of electron.net.fetched)
      expect(fetched.startsWith(`${pathToFileURL(ui).href}/`)).toBe(true);
  });
});

describe('IPC', () => {
  it('answers gloss:op for the app page in the main frame', async () => {
    const reply = await op('listArticles', {});
    expect(reply.ok).toBe(true);
    expect((reply.result as { articles: unknown[] }).articles.length).toBeGreaterThan(0);
  });

  it('refuses another sender frame: a subframe, another origin, none', async () => {
    const contents = electron.BrowserWindow.windows[0]!.webContents;
    for (const event of [
      { sender: contents, senderFrame: { url: 'app://gloss/index.html' } },
      { sender: contents, senderFrame: { url: 'https://evil.example/' } },
      { sender: { mainFrame: { url: 'https://evil.example/' } }, senderFrame: null },
    ]) {
      const reply = await op('getAppState', {}, event);
      expect(reply).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Untrusted sender.' } });
      const dropped = (await electron.ipcMain.handlers.get('gloss:open-dropped')!(event, libraryB)) as Reply;
      expect(dropped.ok).toBe(false);
    }
    expect(await openRoot()).toBe(libraryA);
  });

  it('validates what it dispatches', async () => {
    const reply = await op('getArticle', { id: 42 });
    expect(reply.ok).toBe(false);
    expect(reply.error!.code).toBe('invalid-input');
    expect((await op('noSuchOperation', {})).error!.code).toBe('unknown-operation');
  });
});

describe('rules for every web contents', () => {
  const contents = () => electron.BrowserWindow.windows[0]!.webContents;

  it('keep navigation inside the app and hand web links to the system browser', () => {
    electron.shell.opened.length = 0;
    const inside = cancellable();
    contents().emit('will-navigate', inside, 'app://gloss/index.html');
    expect(inside.prevented).toBe(false);
    for (const url of ['https://example.org/a', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/']) {
      const event = cancellable();
      contents().emit('will-navigate', event, url);
      expect(event.prevented, url).toBe(true);
      const redirect = cancellable();
      contents().emit('will-redirect', redirect, url);
      expect(redirect.prevented, url).toBe(true);
    }
    expect(electron.shell.opened).toEqual(['https://example.org/a']);
  });

  it('deny new windows and webviews', () => {
    electron.shell.opened.length = 0;
    expect(contents().windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents().windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://example.org/']);
    const webview = cancellable();
    contents().emit('will-attach-webview', webview, {}, {});
    expect(webview.prevented).toBe(true);
  });

  it('deny every permission request and check', () => {
    const { permissionRequestHandler, permissionCheckHandler } = electron.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      permissionRequestHandler!(contents(), permission, (allow) => (answer = allow));
      expect(answer, permission).toBe(false);
      expect(permissionCheckHandler!(contents(), permission), permission).toBe(false);
    }
  });
});

describe('the menu', () => {
  it('has its items, and UI commands go to the page', () => {
    const top = electron.Menu.application!.template.map((i) => i.label ?? i.role);
    expect(top).toEqual(expect.arrayContaining(['&File', 'editMenu', '&View', 'help']));
    expect(menuItem(['&File', 'Open Folder…'])!.accelerator).toBe('CmdOrCtrl+O');
    expect(menuItem(['&File', 'Open Recent', libraryA])).toBeDefined();
    expect(menuItem(['&File', 'Export…'])!.accelerator).toBe('CmdOrCtrl+E');
    expect(menuItem(['&File', 'Import Highlights…'])).toBeDefined();
    expect(menuItem(['&View', 'Toggle Dark Mode'])).toBeDefined();
    expect(menuItem(['help', 'Keyboard Shortcuts'])).toBeDefined();
    const contents = electron.BrowserWindow.windows[0]!.webContents;
    contents.sent.length = 0;
    menuItem(['&File', 'Export…'])!.click!();
    menuItem(['&View', 'Toggle Dark Mode'])!.click!();
    expect(contents.sent).toEqual([
      { channel: 'gloss:event', payload: { type: 'menu', command: 'export' } },
      { channel: 'gloss:event', payload: { type: 'menu', command: 'toggle-theme' } },
    ]);
  });
});

describe('folders the page may open', () => {
  it('refuses a path the page names that the user never chose', async () => {
    for (const path of [libraryB, '/etc', `${libraryA}/..`]) {
      const reply = await op('openLibrary', { path });
      expect(reply.ok, path).toBe(false);
      expect(reply.error!.message).toMatch(/only folders you chose/);
    }
    expect(await openRoot()).toBe(libraryA);
  });

  it('opens a folder dropped on the window, through the preload, and then from the recent list', async () => {
    const preload = loadPreload();
    const files = preload.get('glossFiles')!;
    expect(Object.keys(files)).toEqual(['openDroppedFolder']);
    const dropped = {};
    electron.droppedPaths.set(dropped, libraryB);
    await (files.openDroppedFolder as (file: object) => Promise<unknown>)(dropped);
    expect(await openRoot()).toBe(libraryB);
    // A File made by script has no path: nothing is opened.
    await expect((files.openDroppedFolder as (file: object) => Promise<unknown>)({})).rejects.toThrow();
    expect(await openRoot()).toBe(libraryB);
    // Both are in the recent list now, which the page may open by path, with the client it builds
    // on the preload's connection. Replies cross the context bridge as plain envelopes, so a refusal
    // keeps its code (an Error thrown in the preload would arrive with its message only).
    expect([...preload.keys()].sort()).toEqual(['glossFiles', 'glossHost']);
    const host = preload.get('glossHost') as unknown as HostConnection;
    const api = createClient(host.call);
    await api.openLibrary({ path: libraryA });
    expect(await openRoot()).toBe(libraryA);
    expect(await host.call('openLibrary', { path: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/only folders you chose/) },
    });
    await expect(api.openLibrary({ path: '/etc' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/only folders you chose/),
    });
  });

  it('opens the folder the user picks in the dialog', async () => {
    const other = join(work, 'library-c');
    cpSync(libraryA, other, { recursive: true, filter: (src) => !src.includes('.gloss') });
    electron.dialog.nextFolder = other;
    expect((await op('chooseLibraryFolder', {})).ok).toBe(true);
    expect(await openRoot()).toBe(other);
  });
});

describe('a second instance', () => {
  it('opens its folder argument in this window and brings it forward', async () => {
    const window = electron.BrowserWindow.windows[0]!;
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['/opt/electron', REPO, '--flag', libraryB], '/');
    await until(async () => (await openRoot()) === libraryB, 'the second instance folder');
    expect(window.restored).toBe(1);
    expect(window.focused).toBeGreaterThan(0);
    expect(electron.BrowserWindow.windows).toHaveLength(1);
  });
});

/**
 * Runs the built preload as Electron's sandbox does: CommonJS whose only module is `electron`.
 * Returns what it exposed to the page.
 */
function loadPreload(): Map<string, Record<string, unknown>> {
  electron.contextBridge.exposed.clear();
  const code = readFileSync(join(dist, 'electron', 'preload.cjs'), 'utf8');
  const module = { exports: {} };
  const require = (name: string) => {
    if (name !== 'electron') throw new Error(`A sandboxed preload cannot require ${name}`);
    return electron;
  };
  new Function('require', 'module', 'exports', code)(require, module, module.exports);
  return electron.contextBridge.exposed;
}
