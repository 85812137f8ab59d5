// The one shortcuts table: what each key press runs, that no key means two things, and that the
// sheet and the desktop menu read the same table.
import { describe, expect, it } from 'vitest';
import {
  MENU_ACCELERATORS,
  SHORTCUTS,
  acceleratorOf,
  displayKeys,
  matchKey,
  type KeyPress,
} from '../../../core/ui/shortcuts.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcuts table', () => {
  it('matches single keys, with their place in the list for 1…9, [ ] and j/k', () => {
    expect(matchKey(press('h'))).toEqual({ command: 'highlight', index: 0, chord: false });
    expect(matchKey(press('3'))).toEqual({ command: 'toggleTag', index: 2, chord: false });
    expect(matchKey(press(']'))).toEqual({ command: 'cycle', index: 1, chord: false });
    expect(matchKey(press('k'))).toEqual({ command: 'nextPrevious', index: 1, chord: false });
    expect(matchKey(press('Backspace'))?.command).toBe('delete');
    expect(matchKey(press('?', { shiftKey: true }))?.command).toBe('sheet');
    expect(matchKey(press('0'))).toBeNull();
    expect(matchKey(press('x'))).toBeNull();
  });

  it('leaves single keys alone when Ctrl, Cmd or Alt is held (Alt+drag snaps, Ctrl+H is the browser’s)', () => {
    expect(matchKey(press('h', { altKey: true }))).toBeNull();
    expect(matchKey(press('h', { ctrlKey: true }))).toBeNull();
    expect(matchKey(press('1', { metaKey: true }))).toBeNull();
  });

  it('matches the Ctrl/Cmd chords whatever the case of the key, and Shift only where it belongs', () => {
    expect(matchKey(press('z', { ctrlKey: true }))).toEqual({ command: 'undo', index: 0, chord: true });
    expect(matchKey(press('Z', { metaKey: true, shiftKey: true }))?.command).toBe('redo');
    expect(matchKey(press('y', { ctrlKey: true }))?.command).toBe('redo');
    expect(matchKey(press('e', { metaKey: true }))?.command).toBe('export');
    expect(matchKey(press('y', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchKey(press('e', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchKey(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('gives no key or chord two meanings', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys ?? []);
    const chords = SHORTCUTS.flatMap((s) => (s.chords ?? []).map((c) => `${c.key}:${c.shift}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('is what the sheet lists, with the platform’s modifier, and where the menu takes its accelerators', () => {
    const undo = SHORTCUTS.find((s) => s.command === 'undo')!;
    expect(displayKeys(undo, true)).toBe('⌘+Z');
    expect(displayKeys(undo, false)).toBe('Ctrl+Z');
    expect(new Set(SHORTCUTS.map((s) => s.label)).size).toBe(SHORTCUTS.length);
    expect(acceleratorOf('export')).toBe('CmdOrCtrl+E');
    expect(acceleratorOf('sheet')).toBe('Shift+/');
    expect(MENU_ACCELERATORS.openFolder).toBe('CmdOrCtrl+O');
  });
});
