/** The application menu, with the usual accelerators. Commands the UI handles are sent to it. */
import { Menu, app, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openFolder(): void;
  openRecent(folder: string): void;
  /** Forward a command to the UI (export dialog, dark mode, shortcuts sheet…). */
  toUi(command: string): void;
}

export function buildMenu(recent: string[], actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) }))
            : [{ label: 'No recent libraries', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.toUi('export') },
        { label: 'Import Highlights…', click: () => actions.toUi('import') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        {
          label: 'Toggle Dark Mode',
          accelerator: 'CmdOrCtrl+Shift+D',
          click: () => actions.toUi('toggle-theme'),
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => actions.toUi('shortcuts') },
        {
          label: `About Gloss ${app.getVersion()}`,
          role: isMac ? 'about' : undefined,
          click: () => actions.toUi('about'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
