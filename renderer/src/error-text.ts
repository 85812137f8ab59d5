/**
 * What the error banner says. Errors from core carry a stable code and an English message with
 * the details (a path, an id, the system's reason). The English UI shows that message; other
 * languages lead with a sentence for the code and keep the English details after it, so a Chinese
 * reader learns what went wrong without losing the specifics.
 */
import type { TFunction } from 'i18next';

const KNOWN_CODES = [
  'invalid-input',
  'not-found',
  'no-library',
  'outside-library',
  'read-only',
  'conflict',
  'io',
  'internal',
  'unknown-operation',
] as const;

type KnownCode = (typeof KNOWN_CODES)[number];

const codeOf = (err: unknown): KnownCode | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return (KNOWN_CODES as readonly unknown[]).includes(code) ? (code as KnownCode) : null;
};

export function errorText(t: TFunction, language: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = codeOf(err);
  if (language.startsWith('en') || code === null) return message;
  return t('errors.withDetail', { headline: t(`errors.${code}`), detail: message });
}
