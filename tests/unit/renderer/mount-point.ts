/**
 * A React root in a fresh container for each test of a file (jsdom), unmounted after it. Modal
 * dialogs are given the `showModal` jsdom lacks, as an open dialog.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

export interface MountPoint {
  container: HTMLDivElement;
  root: Root;
}

export function mountPoint(): MountPoint {
  const at = {} as MountPoint;
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    at.container = document.createElement('div');
    document.body.append(at.container);
    at.root = createRoot(at.container);
  });
  afterEach(() => {
    act(() => at.root.unmount());
    at.container.remove();
  });
  return at;
}
