/**
 * Every keyboard shortcut of the app in one table: the window's key handler matches keys with it,
 * the shortcuts sheet lists it, and the desktop menu takes its accelerators from it. Pure (no DOM,
 * no Electron), so both the renderer and `electron/` may import it.
 *
 * Keys are matched on `KeyboardEvent.key`, so they follow the keyboard layout.
 */

/** What a shortcut does; the renderer binds each to an action. */
export type Command =
  | 'highlight'
  | 'toggleTag'
  | 'note'
  | 'tags'
  | 'edit'
  | 'delete'
  | 'escape'
  | 'undo'
  | 'redo'
  | 'snap'
  | 'cycle'
  | 'nextPrevious'
  | 'search'
  | 'export'
  | 'done'
  | 'sheet';

export interface Shortcut {
  /** The i18n key of what the sheet says it does (`shortcuts.*`). */
  label: string;
  /** How the sheet writes the keys; `Mod` is Ctrl, or ⌘ on a Mac. */
  display: string;
  /** The command it runs in the window, if the window handles it (not a mouse gesture). */
  command?: Command;
  /** Single keys (no Ctrl, Cmd or Alt); for `toggleTag`, `cycle` and `nextPrevious` the place in this list is the argument. */
  keys?: readonly string[];
  /** Keys pressed with Ctrl/Cmd, each with whether Shift is held. */
  chords?: readonly { key: string; shift: boolean }[];
  /** The desktop menu's accelerator, when the menu offers the command. */
  accelerator?: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { label: 'shortcuts.highlight', display: 'h', command: 'highlight', keys: ['h'] },
  {
    label: 'shortcuts.toggleTag',
    display: '1 … 9',
    command: 'toggleTag',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
  },
  { label: 'shortcuts.note', display: 'n', command: 'note', keys: ['n'] },
  { label: 'shortcuts.tags', display: 't', command: 'tags', keys: ['t'] },
  { label: 'shortcuts.edit', display: 'Enter', command: 'edit', keys: ['Enter'] },
  { label: 'shortcuts.delete', display: 'Delete', command: 'delete', keys: ['Delete', 'Backspace'] },
  { label: 'shortcuts.escape', display: 'Esc', command: 'escape', keys: ['Escape'] },
  { label: 'shortcuts.undo', display: 'Mod+Z', command: 'undo', chords: [{ key: 'z', shift: false }] },
  {
    label: 'shortcuts.redo',
    display: 'Mod+Shift+Z',
    command: 'redo',
    chords: [
      { key: 'z', shift: true },
      { key: 'y', shift: false },
    ],
  },
  { label: 'shortcuts.snap', display: 's', command: 'snap', keys: ['s'] },
  { label: 'shortcuts.snapOnce', display: 'Alt + drag' },
  { label: 'shortcuts.extend', display: 'Shift + ← →' },
  { label: 'shortcuts.cycle', display: '[ ]', command: 'cycle', keys: ['[', ']'] },
  { label: 'shortcuts.nextPrevious', display: 'j / k', command: 'nextPrevious', keys: ['j', 'k'] },
  { label: 'shortcuts.search', display: '/', command: 'search', keys: ['/'] },
  {
    label: 'shortcuts.export',
    display: 'Mod+E',
    command: 'export',
    chords: [{ key: 'e', shift: false }],
    accelerator: 'CmdOrCtrl+E',
  },
  { label: 'shortcuts.done', display: 'd', command: 'done', keys: ['d'] },
  { label: 'shortcuts.sheet', display: '?', command: 'sheet', keys: ['?'], accelerator: 'Shift+/' },
];

/** Menu accelerators for what only the desktop menu offers (the window has no key for them). */
export const MENU_ACCELERATORS = {
  openFolder: 'CmdOrCtrl+O',
  toggleTheme: 'CmdOrCtrl+Shift+D',
  quit: 'Ctrl+Q',
} as const;

/** The accelerator of a window command for the menu. */
export function acceleratorOf(command: Command): string | undefined {
  return SHORTCUTS.find((s) => s.command === command)?.accelerator;
}

/** The parts of a key press the table looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** A matched shortcut: the command, and for list-like keys the key's place in its list. */
export interface Match {
  command: Command;
  index: number;
  /** Pressed with Ctrl/Cmd (these work while a text field has the focus). */
  chord: boolean;
}

/** The command a key press runs, or null. */
export function matchKey(press: KeyPress): Match | null {
  const mod = press.ctrlKey || press.metaKey;
  if (mod) {
    if (press.altKey) return null;
    const key = press.key.toLowerCase();
    for (const s of SHORTCUTS) {
      if (!s.command || !s.chords) continue;
      if (s.chords.some((c) => c.key === key && c.shift === press.shiftKey))
        return { command: s.command, index: 0, chord: true };
    }
    return null;
  }
  if (press.altKey) return null;
  for (const s of SHORTCUTS) {
    const index = s.keys?.indexOf(press.key) ?? -1;
    if (s.command && index >= 0) return { command: s.command, index, chord: false };
  }
  return null;
}

/** The keys as the sheet shows them on this platform. */
export function displayKeys(shortcut: Shortcut, isMac: boolean): string {
  return shortcut.display.replace('Mod', isMac ? '⌘' : 'Ctrl');
}
