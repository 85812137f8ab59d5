/**
 * One shared jsdom window for all cleaning in this process. Creating a window costs tens of
 * milliseconds, so we make it once and reuse it; jsdom runs no scripts and loads no resources
 * here (its defaults), so untrusted HTML parsed into it cannot do anything.
 */
import { JSDOM } from 'jsdom';

let shared: JSDOM | null = null;

export function sharedWindow(): JSDOM['window'] {
  shared ??= new JSDOM('<!doctype html><html><head></head><body></body></html>');
  return shared.window;
}

/** A fresh, detached <div> in the shared document to parse a fragment into. */
export function createContainer(html: string): HTMLDivElement {
  const div = sharedWindow().document.createElement('div');
  div.innerHTML = html;
  return div;
}
