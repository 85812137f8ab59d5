/**
 * The desktop host: one secure window on the shared UI, wired to the core service over IPC.
 * Everything here is glue; the rules it applies live in security.ts (pure, unit-tested).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService, type GlossService } from '../core/api/service.js';
import { dispatch } from '../core/api/dispatch.js';
import { ensureSampleLibrary } from '../core/settings/sample-library.js';
import { ApiError, toErrorPayload } from '../core/errors.js';
import { settle, type Reply } from '../core/api/reply.js';
import { IPC } from './ipc-channels.js';
import { registerAppScheme, serveUi } from './app-protocol.js';
import { currentPolicy } from '../core/security/content-security-policy.js';
import { buildMenu } from './menu.js';
import {
  APP_ENTRY,
  isTrustedSender,
  navigationDecision,
  NOT_CHOSEN_MESSAGE,
  pageMayCall,
  permissionDecision,
  secureWebPreferences,
  windowOpenDecision,
} from './security.js';
import { loadWindowState, saveWindowState, visibleOn } from './window-state.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..', '..');
const uiRoot = join(packageRoot, 'dist', 'renderer');
// Packaged, the sample library is unpacked beside the asar archive (see electron-builder.yml).
const sampleLibrary = join(
  packageRoot.replace(/app\.asar$/, 'app.asar.unpacked'),
  'assets',
  'sample-library',
);

let mainWindow: BrowserWindow | null = null;
let service: GlossService | null = null;

registerAppScheme();
// Tests and portable setups point Gloss at their own data folder.
if (process.env.GLOSS_DATA_DIR) app.setPath('userData', process.env.GLOSS_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const folder = folderArgument(argv);
    if (folder && service) void service.open(folder).catch(showError);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app
    .whenReady()
    .then(start)
    .catch((err) => {
      dialog.showErrorBox('Gloss could not start', String(err));
      app.quit();
    });
  app.on('window-all-closed', () => app.quit());
}

/**
 * The first folder named on a command line. It follows the executable, and in development the
 * app's own folder too (`electron . ~/news`), which is not a library; switches are skipped.
 */
function folderArgument(argv: string[]): string | undefined {
  return argv
    .slice(app.isPackaged ? 1 : 2)
    .filter((a) => !a.startsWith('-'))
    .find((a) => statSync(a, { throwIfNoEntry: false })?.isDirectory());
}

async function start(): Promise<void> {
  hardenSessions();
  serveUi(uiRoot, () => currentPolicy(service?.ctx));
  const dataDir = app.getPath('userData');
  service = await createService({
    host: 'desktop',
    version: app.getVersion(),
    appDataDir: dataDir,
    warmUpCleaner: true,
    dialogs: {
      pickFolder: async () => {
        const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openDirectory'] });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickSaveFile: async (defaultName, extensions) => {
        const result = await dialog.showSaveDialog(mainWindow!, {
          defaultPath: defaultName,
          filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
        });
        return result.canceled ? null : (result.filePath ?? null);
      },
      pickOpenFile: async (extensions) => {
        const result = await dialog.showOpenDialog(mainWindow!, {
          properties: ['openFile'],
          filters: [{ name: extensions.join(', ').toUpperCase(), extensions }],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      showInFolder: (path) => shell.showItemInFolder(path),
    },
  });
  const recent = service.ctx.settings.recent.find((dir) => existsSync(dir));
  const initial =
    folderArgument(process.argv) ?? recent ?? (await ensureSampleLibrary(dataDir, sampleLibrary));
  await service.open(initial).catch(showError);

  const svc = service;
  ipcMain.handle(IPC.op, (event, name: unknown, input: unknown) =>
    answer(event, () => {
      if (!pageMayCall(String(name), input, svc.ctx.settings.recent))
        throw new ApiError('invalid-input', NOT_CHOSEN_MESSAGE);
      return dispatch(svc.handlers, String(name), input);
    }),
  );
  // Only the preload sends this, with the path of a File the user dropped (preload.ts).
  ipcMain.handle(IPC.openDropped, (event, path: unknown) =>
    answer(event, () => dispatch(svc.handlers, 'openLibrary', { path })),
  );
  service.subscribe((event) => {
    mainWindow?.webContents.send(IPC.event, event);
    if (event.type === 'library-changed' && event.reason === 'opened') refreshMenu();
  });
  refreshMenu();
  createWindow(dataDir);
}

/** Runs an IPC request for the app's own top frame only, and turns failures into error replies. */
async function answer(event: IpcMainInvokeEvent, run: () => Promise<unknown>): Promise<Reply> {
  if (!isTrustedSender(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame)) {
    return { ok: false, error: { code: 'unauthorized', message: 'Untrusted sender.' } };
  }
  return settle(run);
}

function refreshMenu(): void {
  if (!service) return;
  const svc = service;
  Menu.setApplicationMenu(
    buildMenu(svc.ctx.settings.recent, {
      openFolder: () => void svc.handlers.chooseLibraryFolder({}).catch(showError),
      openRecent: (folder) => void svc.open(folder).catch(showError),
      toUi: (command) => mainWindow?.webContents.send(IPC.event, { type: 'menu', command }),
    }),
  );
}

function createWindow(dataDir: string): void {
  const state = visibleOn(
    loadWindowState(dataDir),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Gloss',
    backgroundColor: '#fbfaf7',
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    const bounds = mainWindow.getNormalBounds();
    void saveWindowState(dataDir, { ...bounds, maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY);
}

/** Rules for every web contents: no navigation away, no new windows, no permissions, no webviews. */
function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      const decision = navigationDecision(url);
      if (!decision.allow) event.preventDefault();
      if (decision.openExternally) void shell.openExternal(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigationDecision(url).allow) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(url);
      return { action: decision.action };
    });
  });
}

function showError(err: unknown): void {
  const message = toErrorPayload(err).message;
  if (mainWindow)
    void dialog.showMessageBox(mainWindow, { type: 'error', message: 'Gloss', detail: message });
  else dialog.showErrorBox('Gloss', message);
}
