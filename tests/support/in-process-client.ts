/**
 * A host connection that calls `dispatch` in this process, for unit tests of the renderer's logic:
 * the same `createClient` and envelope as the desktop and browser hosts, without a browser.
 * Inputs, replies and events go through JSON both ways, as they do over HTTP, so a test sees only
 * what a real page would receive.
 */
import type { HostConnection } from '../../core/api/client.js';
import { dispatch } from '../../core/api/dispatch.js';
import { settle, type Reply } from '../../core/api/reply.js';
import type { GlossService } from '../../core/api/service.js';

const overTheWire = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

export function inProcessHost(service: GlossService): HostConnection {
  return {
    call: async (name, input) =>
      overTheWire<Reply>(await settle(() => dispatch(service.handlers, name, overTheWire(input)))),
    subscribe: (listener) => service.subscribe((event) => listener(overTheWire(event))),
  };
}
