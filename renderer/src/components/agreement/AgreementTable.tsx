/**
 * The table per code: alpha_u, alpha_article, percent agreement and kappa (with three or more
 * coders, the mean over pairs, each pair in the tooltip), each coder's units and characters, and
 * the overall alpha_u. A code's name opens its per-article breakdown.
 */
import { useTranslation } from 'react-i18next';
import { FigureCell } from './FigureCell.js';
import {
  formatCoefficient,
  formatShare,
  type AgreementResult,
  type CodeAgreement,
} from './agreement-figures.js';

interface AgreementTableProps {
  result: AgreementResult;
  selectedTagId: string | null;
  onSelect(tagId: string): void;
}

function pairDetail(code: CodeAgreement, which: 'percent_agreement' | 'kappa', locale: string): string {
  if (code.pairs.length < 2) return '';
  return code.pairs
    .map((p) => {
      const x = p[which];
      const shown =
        x === null ? '–' : which === 'kappa' ? formatCoefficient(x, locale) : formatShare(x, locale);
      return `${p.coders[0]} × ${p.coders[1]}: ${shown}`;
    })
    .join('\n');
}

export function AgreementTable({ result, selectedTagId, onSelect }: AgreementTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const count = (n: number) => n.toLocaleString(locale);
  const meanNote = result.coders.length > 2 ? t('agreement.meanOfPairs') : undefined;
  return (
    <div className="agreement-table-wrap">
      <table className="agreement-table" data-testid="agreement-table">
        <caption className="visually-hidden">{t('agreement.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('agreement.code')}
            </th>
            <th scope="col" rowSpan={2} title={t('agreement.alphaUHint')}>
              α<sub>u</sub>
            </th>
            <th scope="col" rowSpan={2} title={t('agreement.alphaArticleHint')}>
              α<sub>{t('agreement.articleShort')}</sub>
            </th>
            <th scope="col" rowSpan={2} title={meanNote ?? t('agreement.percentHint')}>
              {t('agreement.percent')}
            </th>
            <th scope="col" rowSpan={2} title={meanNote ?? t('agreement.kappaHint')}>
              κ
            </th>
            {result.coders.map((name) => (
              <th key={name} scope="col" className="coder-head">
                {name}
              </th>
            ))}
          </tr>
          <tr>
            {result.coders.map((name) => (
              <th key={name} scope="col" className="sub-head" title={t('agreement.unitsCharactersHint')}>
                {t('agreement.unitsCharacters')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.codes.map((code) => {
            const reasons = code.undefined_reasons;
            const selected = code.tag_id === selectedTagId;
            return (
              <tr
                key={code.tag_id}
                data-testid="agreement-row"
                aria-selected={selected}
                className={selected ? 'selected' : undefined}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="code-button"
                    data-testid="agreement-code-open"
                    aria-pressed={selected}
                    title={t('agreement.openBreakdown', { code: code.tag_path })}
                    onClick={() => onSelect(code.tag_id)}
                  >
                    {code.tag_path}
                  </button>
                </th>
                <FigureCell value={code.alpha_u} kind="coefficient" reason={reasons.alpha_u} />
                <FigureCell value={code.alpha_article} kind="coefficient" reason={reasons.alpha_article} />
                <FigureCell
                  value={code.percent_agreement}
                  kind="share"
                  reason={reasons.percent_agreement}
                  detail={pairDetail(code, 'percent_agreement', locale)}
                />
                <FigureCell
                  value={code.kappa}
                  kind="coefficient"
                  reason={reasons.kappa}
                  detail={pairDetail(code, 'kappa', locale)}
                />
                {result.coders.map((name) => (
                  <td key={name} className="count">
                    {count(code.units[name] ?? 0)} · {count(code.characters[name] ?? 0)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="agreement-overall">
            <th scope="row">{t('agreement.overall')}</th>
            <FigureCell
              value={result.overall.alpha_u}
              kind="coefficient"
              reason={result.codes.length === 0 ? 'no-units' : 'no-variation'}
            />
            <td colSpan={3 + result.coders.length} className="muted">
              {t('agreement.overallHint')}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
