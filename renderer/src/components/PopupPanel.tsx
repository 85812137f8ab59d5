/**
 * A toolbar button that opens a small panel under it (who is coding, which coders to show): not
 * modal; the first control in the panel takes the focus, Escape or a click elsewhere closes it and
 * the focus goes back to the button.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
} from 'react';

interface PopupPanelProps {
  /** What the button shows. */
  label: ReactNode;
  /** The button's accessible name and tooltip. */
  title: string;
  testId: string;
  className?: string;
  /** The panel's content; `usePopupClose()` in it closes the panel (after a choice). */
  children: ReactNode;
}

const PopupClose = createContext<() => void>(() => undefined);

/** Closes the popup this is in and gives the focus back to its button. */
export function usePopupClose(): () => void {
  return useContext(PopupClose);
}

export function PopupPanel({ label, title, testId, className, children }: PopupPanelProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  /** Closed from inside (Escape, a choice made): the focus goes back to the button. */
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('.popup-panel input, .popup-panel button')?.focus();
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  return (
    <div
      className={`popup ${className ?? ''}`}
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        data-testid={testId}
        aria-label={title}
        title={title}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="popup-panel" id={panelId} role="group" aria-label={title}>
          <PopupClose value={close}>{children}</PopupClose>
        </div>
      )}
    </div>
  );
}
