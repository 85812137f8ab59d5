/**
 * An article warning in the reader's language. Core writes warnings in English with a code; the
 * UI words each code itself, taking the details (line, encoding, size, the odd date) from the
 * warning and the article summary, and keeps core's English text only where it carries a detail
 * no code can (a YAML parser's explanation, an operating-system error).
 */
import type { TFunction } from 'i18next';
import type { ArticleSummary, ArticleWarning } from '../../core/model.js';

type WarningSource = Pick<ArticleSummary, 'encoding' | 'size'>;

/** The quoted value in core's `Unrecognised date "…"`. */
const quotedValue = (message: string): string => /"(.*)"/.exec(message)?.[1] ?? message;

/** The part of core's message after its first colon or inside its parentheses. */
const detailOf = (message: string): string =>
  /\(([^()]*)\)\s*$/.exec(message)?.[1] ?? message.slice(message.indexOf(':') + 1).trim();

export function warningText(t: TFunction, warning: ArticleWarning, article: WarningSource): string {
  const line = warning.line ? t('warning.atLine', { line: warning.line }) : '';
  switch (warning.code) {
    case 'front-matter':
      return t('warning.withDetail', { text: `${t('warning.frontMatter')}${line}`, detail: warning.message });
    case 'date':
      return `${t('warning.date', { value: quotedValue(warning.message) })}${line}`;
    case 'encoding':
      return t('warning.encoding', { encoding: article.encoding.toUpperCase() });
    case 'too-large':
      return t('warning.tooLarge', { mb: (article.size / 1024 / 1024).toFixed(1), max: 50 });
    case 'binary':
      return t('warning.binary');
    case 'empty':
      return article.size === 0 ? t('warning.emptyFile') : t('warning.emptyBody');
    case 'unreadable':
      return t('warning.unreadable', { detail: detailOf(warning.message) });
    case 'parse':
      return t('warning.parse', { detail: detailOf(warning.message) });
    case 'markdown-as-text':
      return t('warning.markdownAsText', { max: /[\d,]+/.exec(warning.message)?.[0] ?? '' });
    case 'simplified':
      return t('warning.simplified', { max: /[\d,]+/.exec(warning.message)?.[0] ?? '' });
    default:
      return warning.message;
  }
}
