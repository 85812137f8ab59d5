/**
 * How the agreement view shows a figure: three decimals (a share as a percentage), and where an
 * alpha or kappa stands against Krippendorff's thresholds (2004, Content Analysis, §12.4): at least
 * 0.800 reliable, 0.667 to 0.800 for tentative conclusions only, below 0.667 not acceptable.
 */
import type { OpOutput } from '../../../../core/api/contract.js';

export type AgreementReport = OpOutput<'computeAgreement'>;
export type AgreementResult = AgreementReport['result'];
export type CodeAgreement = AgreementResult['codes'][number];
export type ArticleAgreement = NonNullable<AgreementReport['breakdown']>['articles'][number];
export type UndefinedReason = NonNullable<CodeAgreement['undefined_reasons']['alpha_u']>;
export type Measure = keyof CodeAgreement['undefined_reasons'];

export const ACCEPTABLE = 0.667;
export const GOOD = 0.8;

export type Level = 'good' | 'tentative' | 'low';

/** Where a reliability coefficient stands; null when undefined. */
export function levelOf(value: number | null): Level | null {
  if (value === null) return null;
  if (value >= GOOD) return 'good';
  if (value >= ACCEPTABLE) return 'tentative';
  return 'low';
}

/** 0.8123 → "0.812"; a negative alpha keeps its sign (systematic disagreement). */
export function formatCoefficient(value: number, locale: string): string {
  return value.toLocaleString(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

/** 0.9312 → "93.1 %" (the locale's percent sign and spacing). */
export function formatShare(value: number, locale: string): string {
  return value.toLocaleString(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}
