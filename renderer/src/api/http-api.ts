/**
 * The host connection of the browser mode (`gloss serve`): operations over `fetch`, events over
 * server-sent events. The token arrives in the page's URL fragment (never sent to the server in a
 * URL path), is kept in sessionStorage and removed from the address bar, and is sent in a header
 * on every request.
 */
import type { GlossEvent } from '../../../core/api/contract.js';
import type { HostConnection } from '../../../core/api/client.js';
import type { Reply } from '../../../core/api/reply.js';

const TOKEN_KEY = 'gloss.token';

function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function connectOverHttp(): HostConnection {
  const token = takeToken();
  return {
    async call(name, input) {
      const response = await fetch(`api/op/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      const reply = (await response.json().catch(() => null)) as Reply | null;
      return (
        reply ?? {
          ok: false,
          error: { code: 'io', message: `The Gloss server answered ${response.status}.` },
        }
      );
    },
    subscribe(listener) {
      const source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => listener(JSON.parse(message.data as string) as GlossEvent);
      return () => source.close();
    },
  };
}
