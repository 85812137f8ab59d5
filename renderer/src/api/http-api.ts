/**
 * `GlossApi` over HTTP, for `gloss serve`. The token arrives in the page's URL fragment
 * (never sent to the server in a URL path), is kept in sessionStorage and removed from the
 * address bar, and is sent in a header on every request.
 */
import type { GlossEvent } from '../../../core/api/contract.js';
import type { AppApi } from './app-api.js';
import type { HostBridge } from './api-client.js';

const TOKEN_KEY = 'gloss.token';

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpApi(): HostBridge {
  const token = takeToken();
  const call = async (name: string, input: unknown): Promise<unknown> => {
    const response = await fetch(`api/op/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
      body: JSON.stringify(input ?? {}),
    });
    const reply = (await response.json().catch(() => null)) as
      { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } } | null;
    if (!reply) throw new ApiCallError('io', `The Gloss server answered ${response.status}.`);
    if (!reply.ok) throw new ApiCallError(reply.error.code, reply.error.message);
    return reply.result;
  };
  // Any operation name goes to the server, which validates it: the client needs no list of them.
  const api = new Proxy({} as AppApi, {
    get: (_target, name) =>
      typeof name === 'string' && name !== 'then' ? (input: unknown) => call(name, input) : undefined,
  });

  return {
    api,
    onEvent(listener) {
      const source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => listener(JSON.parse(message.data as string) as GlossEvent);
      return () => source.close();
    },
  };
}
