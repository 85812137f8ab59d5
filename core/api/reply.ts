/**
 * The reply envelope every host sends for an operation, over IPC and over HTTP alike:
 * `{ ok: true, result }` or `{ ok: false, error: { code, message } }`. Typed here once.
 */
import { ApiError, isApiErrorCode, toErrorPayload, type ErrorPayload } from '../errors.js';

export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorPayload };

/** Runs an operation and puts its outcome, or whatever it threw, in an envelope. */
export async function settle(run: () => Promise<unknown>): Promise<Reply> {
  try {
    return { ok: true, result: await run() };
  } catch (err) {
    return failure(err);
  }
}

export function failure(err: unknown): Reply<never> {
  return { ok: false, error: toErrorPayload(err) };
}

/** The result of a reply, or its error thrown as an `ApiError`. Anything else is an internal error. */
export function unwrap(reply: unknown): unknown {
  const r = reply as Partial<{ ok: unknown; result: unknown; error: Partial<Record<string, unknown>> }>;
  if (r?.ok === true) return r.result;
  if (r?.ok === false && typeof r.error?.message === 'string') {
    throw new ApiError(isApiErrorCode(r.error.code) ? r.error.code : 'internal', r.error.message);
  }
  throw new ApiError('internal', 'The host sent a reply Gloss does not understand.');
}
