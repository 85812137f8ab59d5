/**
 * The window's key handler: matches each key press against the shortcuts table
 * (`core/ui/shortcuts.ts`) and runs the bound command. Nothing fires while the user types; in an
 * open dialog only the undo and redo chords do.
 */
import { useEffect } from 'react';
import { matchKey, type Command } from '../../../core/ui/shortcuts.js';

/** What each command does; `index` is the key's place in its list (`1`…`9`, `[`/`]`, `j`/`k`). */
export type CommandHandlers = Partial<Record<Command, (index: number) => void>>;

/**
 * Enter and the deletion keys belong to a focused control (a button, a list option) first; a
 * highlight's card in the sidebar is the exception: there they act on its highlight, as in the text.
 */
function ownsKey(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || !['Enter', ' ', 'Delete', 'Backspace'].includes(key)) return false;
  if (key !== ' ' && el.closest('[data-highlight-card]') && !el.closest('dialog')) return false;
  return !!el.closest('button, a[href], summary, [role="option"], [role="button"], dialog');
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useKeyboardShortcuts(handlers: CommandHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      const match = matchKey(event);
      if (!match) return;
      const dialogOpen = !!document.querySelector('dialog[open]');
      // Inside a modal dialog only its own keys apply (undo and redo still do).
      if (!match.chord && (dialogOpen || ownsKey(event.target, event.key))) return;
      if (match.command === 'export' && dialogOpen) return;
      const run = handlers[match.command];
      if (!run) return;
      event.preventDefault();
      run(match.index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
