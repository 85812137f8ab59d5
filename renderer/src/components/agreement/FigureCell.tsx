/**
 * One figure of the agreement tables: a coefficient (alpha, kappa) marked against Krippendorff's
 * thresholds, or a share (percent agreement); an undefined one is a dash whose tooltip says why.
 */
import { useTranslation } from 'react-i18next';
import { formatCoefficient, formatShare, levelOf, type UndefinedReason } from './agreement-figures.js';

interface FigureCellProps {
  value: number | null;
  kind: 'coefficient' | 'share';
  /** Why the figure is undefined (from the report); a generic reason when not given. */
  reason?: UndefinedReason | undefined;
  /** Extra words for the tooltip (e.g. each pair's figure with three coders). */
  detail?: string;
}

export function FigureCell({ value, kind, reason, detail }: FigureCellProps) {
  const { t, i18n } = useTranslation();
  if (value === null) {
    const why = t(`agreement.reason.${reason ?? 'undefined'}`);
    return (
      <td className="figure undefined" title={why} data-testid="figure-undefined">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('agreement.undefinedFigure', { reason: why })}</span>
      </td>
    );
  }
  const level = kind === 'coefficient' ? levelOf(value) : null;
  const text =
    kind === 'coefficient' ? formatCoefficient(value, i18n.language) : formatShare(value, i18n.language);
  const label = level ? t(`agreement.level.${level}`) : '';
  const title = [label, detail].filter(Boolean).join('\n') || undefined;
  return (
    <td className={`figure${level ? ` level-${level}` : ''}`} title={title} data-level={level ?? undefined}>
      {level === 'low' && <span aria-hidden="true">▼ </span>}
      {text}
      {level && <span className="visually-hidden"> ({label})</span>}
    </td>
  );
}
