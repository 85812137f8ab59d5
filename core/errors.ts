/**
 * Errors that cross the API boundary: a stable code for programs, a message for people. The same
 * class on both sides: the service throws it, and the client (core/api/client.ts) throws it again
 * from the reply, so the UI words errors by code whatever the host.
 */
export const API_ERROR_CODES = [
  'unknown-operation',
  'invalid-input',
  'not-found',
  'no-library',
  'outside-library',
  'read-only',
  'conflict',
  /** The article's text changed since the UI showed it and the selection cannot be placed: reload it. */
  'text-changed',
  'io',
  'internal',
  'unauthorized',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The HTTP status `gloss serve` answers each code with (the desktop host has no statuses). */
export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  'unknown-operation': 400,
  'invalid-input': 400,
  'not-found': 404,
  'no-library': 409,
  'outside-library': 409,
  'read-only': 409,
  conflict: 409,
  'text-changed': 409,
  io: 409,
  internal: 500,
  unauthorized: 401,
};

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(code);
}

export interface ErrorPayload {
  code: ApiErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The serialisable form of any thrown value, for IPC and HTTP replies. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof ApiError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: string } | undefined;
  if (e?.code === 'ENOENT') return { code: 'not-found', message: String(e.message) };
  if (e?.code === 'EACCES' || e?.code === 'EPERM' || e?.code === 'EROFS')
    return {
      code: 'read-only',
      message: `Cannot write here (no permission or a read-only disk): ${e.message}`,
    };
  if (e?.code === 'ENOSPC' || e?.code === 'EDQUOT')
    return {
      code: 'io',
      message: `The disk is full, so this was not saved: ${e.message}. Free some space and try again.`,
    };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
