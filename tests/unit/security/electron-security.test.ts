import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import {
  APP_ENTRY,
  isSafeExternalUrl,
  isTrustedSender,
  navigationDecision,
  pageMayCall,
  permissionDecision,
  resolveAppPath,
  secureWebPreferences,
  windowOpenDecision,
} from '../../../electron/security.js';

describe('desktop window preferences', () => {
  it('isolate and sandbox the renderer and keep Node out of it', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('navigation and new windows', () => {
  it('stay inside the app and hand web links to the system browser', () => {
    expect(navigationDecision(APP_ENTRY)).toEqual({ allow: true, openExternally: false });
    expect(navigationDecision('https://example.org/a')).toEqual({ allow: false, openExternally: true });
    expect(windowOpenDecision('http://example.org/')).toEqual({ action: 'deny', openExternally: true });
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'app://other/x',
    'smb://host/share',
    'not a url',
    'https://',
  ])('never open %s', (url) => {
    expect(navigationDecision(url).allow && !url.startsWith('app://gloss')).toBe(false);
    expect(windowOpenDecision(url).openExternally).toBe(false);
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('permissions and IPC senders', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'deny %s',
    (permission) => {
      expect(permissionDecision(permission)).toBe(false);
    },
  );

  it('trust only the app page in the main frame', () => {
    expect(isTrustedSender(APP_ENTRY, true)).toBe(true);
    expect(isTrustedSender(APP_ENTRY, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('folders the page may open (desktop)', () => {
  const recent = ['/home/ana/library', '/home/ana/新闻'];

  it('opens a folder from the recent list, which the user chose before', () => {
    expect(pageMayCall('openLibrary', { path: '/home/ana/library' }, recent)).toBe(true);
    expect(pageMayCall('openLibrary', { path: '/home/ana/新闻' }, recent)).toBe(true);
  });

  it('refuses any other path the page names, however it is spelled', () => {
    for (const path of [
      '/etc',
      '/home/ana',
      '/home/ana/library/',
      '/home/ana/library/../..',
      '/home/ana/library/sub',
      'library',
      '',
    ]) {
      expect(pageMayCall('openLibrary', { path }, recent), path).toBe(false);
    }
    expect(pageMayCall('openLibrary', { path: ['/home/ana/library'] }, recent)).toBe(false);
    expect(pageMayCall('openLibrary', null, recent)).toBe(false);
    expect(pageMayCall('openLibrary', { path: '/home/ana/library' }, [])).toBe(false);
  });

  it('leaves every other operation to the API (the dialog, the drop and the menu need no path)', () => {
    expect(pageMayCall('chooseLibraryFolder', {}, [])).toBe(true);
    expect(pageMayCall('listArticles', {}, [])).toBe(true);
  });
});

describe('app:// path resolution', () => {
  const root = resolve('/opt/gloss/ui');

  it('maps app URLs to files inside the UI folder', () => {
    expect(resolveAppPath(root, 'app://gloss/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://gloss/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'app://gloss/../../etc/passwd',
    'app://gloss/%2e%2e/%2e%2e/etc/passwd',
    'app://gloss/assets%2f..%2f..%2fsecret',
    'app://gloss/..%5c..%5csecret',
    'app://gloss/a%00.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://gloss//etc/passwd',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) expect(resolved.startsWith(root)).toBe(true);
    else expect(resolved).toBeNull();
  });
});
