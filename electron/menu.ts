/**
 * The application menu, with its accelerators from the shortcuts table (core/ui/shortcuts.ts).
 * Commands the UI handles are sent to it.
 */
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import { MENU_ACCELERATORS, acceleratorOf } from '../core/ui/shortcuts.js';

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
        {
          label: 'Open Folder…',
          accelerator: MENU_ACCELERATORS.openFolder,
          click: () => actions.openFolder(),
        },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((folder) => ({ label: folder, click: () => actions.openRecent(folder) }))
            : [{ label: 'No recent libraries', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Export…', accelerator: acceleratorOf('export'), click: () => actions.toUi('export') },
        { label: 'Import Highlights…', click: () => actions.toUi('import') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', accelerator: MENU_ACCELERATORS.quit },
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
          accelerator: MENU_ACCELERATORS.toggleTheme,
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
        {
          label: 'Keyboard Shortcuts',
          accelerator: acceleratorOf('sheet'),
          click: () => actions.toUi('shortcuts'),
        },
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
