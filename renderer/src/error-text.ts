/**
 * What the error banner says. Errors from core carry a stable code and an English message with
 * the details (a path, an id, the system's reason). The English UI shows that message; other
 * languages lead with a sentence for the code and keep the English details after it, so a Chinese
 * reader learns what went wrong without losing the specifics. A request that never reached the
 * host (browser mode, the server stopped) says so in either language.
 */
import type { TFunction } from 'i18next';
import { API_ERROR_CODES, type ApiErrorCode } from '../../core/errors.js';
import { UiError } from './ui-error.js';

const codeOf = (err: unknown): ApiErrorCode | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return (API_ERROR_CODES as readonly unknown[]).includes(code) ? (code as ApiErrorCode) : null;
};

/**
 * The browser's own words when a request never reached `gloss serve` (Chromium, Firefox, Safari):
 * a TypeError from fetch, in English whatever the UI language.
 */
const UNREACHABLE = /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

export function errorText(t: TFunction, language: string, err: unknown): string {
  if (err instanceof UiError) {
    const headline = t(`errors.ui.${err.key}`);
    return err.detail ? t('errors.withDetail', { headline, detail: err.detail }) : headline;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof TypeError && UNREACHABLE.test(message)) {
    return t('errors.withDetail', { headline: t('errors.unreachable'), detail: message });
  }
  const code = codeOf(err);
  if (language.startsWith('en') || code === null) return message;
  return t('errors.withDetail', { headline: t(`errors.${code}`), detail: message });
}

/** The article's text changed under a highlight being placed: the UI loads it again. */
export function isTextChanged(err: unknown): boolean {
  return codeOf(err) === 'text-changed';
}

/** The host does not know the article (its file is gone, or it was renamed away from its id). */
export function isNotFound(err: unknown): boolean {
  return codeOf(err) === 'not-found';
}
