/**
 * A folder dropped on the window opens it. The desktop app knows paths (its preload opens the
 * dropped folder; the page never sees or names its path); a browser does not, and says so.
 */
import { useEffect } from 'react';

declare global {
  interface Window {
    /** Desktop only (preload): opens a dropped folder; the page never sees or names its path. */
    glossFiles?: { openDroppedFolder(file: File): Promise<unknown> };
  }
}

export function useFolderDrop(
  onOpened: () => void,
  onError: (err: unknown) => void,
  onBrowserDrop: () => void,
): void {
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      const files = window.glossFiles;
      if (files) files.openDroppedFolder(file).then(onOpened, onError);
      else onBrowserDrop();
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onOpened, onError, onBrowserDrop]);
}
