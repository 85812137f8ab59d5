/** What the marks mean: Krippendorff's thresholds for alpha (kappa is marked the same way). */
import { useTranslation } from 'react-i18next';

export function AgreementLegend() {
  const { t } = useTranslation();
  return (
    <div className="agreement-legend" data-testid="agreement-legend">
      <span className="figure level-good">{t('agreement.legendGood')}</span>
      <span className="figure level-tentative">{t('agreement.legendTentative')}</span>
      <span className="figure level-low">▼ {t('agreement.legendLow')}</span>
      <span className="figure undefined">– {t('agreement.legendUndefined')}</span>
      <span className="muted">{t('agreement.legendSource')}</span>
    </div>
  );
}
