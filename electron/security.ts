/**
 * The desktop host's security rules as pure functions, so they are unit-tested without
 * Electron: window preferences, what may be navigated to or opened, permissions, which IPC
 * senders are trusted, which folders the page may open, and how app:// URLs map to files.
 */
import { resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';
import { realPathInside } from '../core/security/inside-folder.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gloss';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A middle click would otherwise open links through auxclick, past the window-open handler.
    disableBlinkFeatures: 'Auxclick',
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for pages of the app itself (app://gloss/...). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Only plain web links may leave the app, to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== ''
  );
}

/** The window never navigates away from the app; a link is handed to the system browser instead. */
export function navigationDecision(url: string): { allow: boolean; openExternally: boolean } {
  if (isAppUrl(url)) return { allow: true, openExternally: false };
  return { allow: false, openExternally: isSafeExternalUrl(url) };
}

/** New windows are never created; safe links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

/** Gloss needs no camera, microphone, notifications, geolocation…: every request is denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** IPC is answered only for the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

/**
 * Whether the page may make this API call. The page shows hostile articles, so it is not trusted
 * to name a folder to open: `openLibrary` is answered only for a folder the user chose before (the
 * recent list). Folders chosen now reach the host without a path from the page: the folder dialog
 * (`chooseLibraryFolder`), a drop (the preload resolves the dropped file's path), the menu and the
 * command line.
 */
export function pageMayCall(name: string, input: unknown, recent: readonly string[]): boolean {
  if (name !== 'openLibrary') return true;
  const path = (input as { path?: unknown } | null)?.path;
  return typeof path === 'string' && recent.includes(path);
}

export const NOT_CHOSEN_MESSAGE =
  'Gloss opens only folders you chose: use Open Folder, drop a folder on the window, or pick one from the recent list.';

/**
 * The file an app:// request maps to, inside `root`, or null: wrong host, encoded slashes or
 * backslashes, `..` segments, NUL bytes and anything resolving outside `root` (also through a
 * symbolic link) are refused.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const rawPath = parsed.pathname;
  if (/%2f|%5c|%00/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part === '..' || part === '.')) return null;
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) && realPathInside(base, full) ? full : null;
}
