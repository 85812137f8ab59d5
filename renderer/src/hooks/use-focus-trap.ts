/**
 * Keeps Tab and Shift+Tab inside a modal dialog: a modal <dialog> makes the page behind it inert,
 * but Tab still leaves it for the browser's own controls. Returns the keydown handler to put on
 * the dialog.
 */
import { useCallback, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) =>
      !el.hasAttribute('disabled') &&
      !el.hidden &&
      el.getAttribute('type') !== 'hidden' &&
      el.tabIndex >= 0 &&
      el.getClientRects().length > 0,
  );
}

export function useFocusTrap(ref: RefObject<HTMLElement | null>) {
  return useCallback(
    (event: KeyboardEvent) => {
      const root = ref.current;
      if (event.key !== 'Tab' || !root) return;
      const items = focusables(root);
      if (items.length === 0) {
        event.preventDefault();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      const inside = active instanceof HTMLElement && root.contains(active);
      if (event.shiftKey && (active === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    },
    [ref],
  );
}
