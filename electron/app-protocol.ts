/** Serves the built UI from app://gloss/… (never file://), with the CSP on every response. */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, resolveAppPath } from './security.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** `policy` gives the CSP for each response (it follows the open library's remote-images setting). */
export function serveUi(uiRoot: string, policy: () => string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(uiRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    // A missing file is a 404 here rather than a failed request in the main process.
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', policy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
