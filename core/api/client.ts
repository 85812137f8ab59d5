/**
 * The typed client both UIs use: `createClient(call)` turns a transport, which sends an
 * operation's name and input to the host and resolves to its reply envelope, into a `GlossApi`
 * with one function per operation. The desktop transport is the preload's IPC call, the browser's
 * is `fetch`, the tests' calls `dispatch` in the same process. A failed reply is thrown as an
 * `ApiError` with the host's code, in the UI's own JavaScript world (an error thrown in the preload
 * would lose its code crossing Electron's context bridge).
 */
import { operationNames, type GlossApi, type GlossEvent, type OperationName } from './contract.js';
import { unwrap, type Reply } from './reply.js';

/** Sends one operation to the host; resolves to the host's reply envelope. */
export type Transport = (name: OperationName, input: unknown) => Promise<Reply>;

/** What a host offers the UI: calls, and the events it pushes (subscribe returns the unsubscribe). */
export interface HostConnection {
  call: Transport;
  subscribe(listener: (event: GlossEvent) => void): () => void;
}

export function createClient(call: Transport): GlossApi {
  return Object.fromEntries(
    operationNames.map((name) => [name, async (input: unknown) => unwrap(await call(name, input))]),
  ) as unknown as GlossApi;
}
