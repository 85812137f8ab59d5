/**
 * Single-key shortcuts (`j`, `h`, `1`…) that stay out of the way while the user types, and the
 * undo/redo and export chords. Keys are matched on `event.key`, so they follow the keyboard layout.
 */
import { useEffect } from 'react';

export interface KeyBindings {
  /** Single keys, without Ctrl/Cmd/Alt. */
  keys: Record<string, () => void>;
  undo?(): void;
  redo?(): void;
  /** Ctrl/Cmd+E. */
  export?(): void;
}

/** Enter and the deletion keys belong to a focused control (a button, a list option) first. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || !['Enter', ' ', 'Delete', 'Backspace'].includes(key)) return false;
  return !!el.closest('button, a[href], summary, [role="option"], [role="button"], dialog');
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useKeyboardShortcuts(bindings: KeyBindings): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey) {
        const key = event.key.toLowerCase();
        if (key === 'z' && !event.shiftKey && bindings.undo) {
          event.preventDefault();
          bindings.undo();
        } else if (((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) && bindings.redo) {
          event.preventDefault();
          bindings.redo();
        } else if (
          key === 'e' &&
          !event.shiftKey &&
          bindings.export &&
          !document.querySelector('dialog[open]')
        ) {
          event.preventDefault();
          bindings.export();
        }
        return;
      }
      if (mod || event.altKey) return;
      // Inside a modal dialog only its own keys apply.
      if (document.querySelector('dialog[open]') || ownsKey(event.target, event.key)) return;
      const action = bindings.keys[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bindings]);
}
