/**
 * One code, article by article: each coder's units and characters, percent agreement, kappa and
 * alpha_u with the article's text as the continuum. Articles nobody coded with the code are hidden
 * unless asked for; an article's path opens it in the reader.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureCell } from './FigureCell.js';
import type { ArticleAgreement } from './agreement-figures.js';

interface ArticleBreakdownProps {
  code: string;
  coders: readonly string[];
  /** Null while it is being computed. */
  articles: readonly ArticleAgreement[] | null;
  onOpenArticle(articleId: string): void;
  onClose(): void;
}

const coded = (a: ArticleAgreement) => Object.values(a.units).some((n) => n > 0);

export function ArticleBreakdown({ code, coders, articles, onOpenArticle, onClose }: ArticleBreakdownProps) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const count = (n: number) => n.toLocaleString(i18n.language);
  const shown = articles ? (all ? articles : articles.filter(coded)) : null;
  return (
    <section
      className="agreement-breakdown"
      aria-labelledby="agreement-breakdown-title"
      data-testid="agreement-breakdown"
    >
      <div className="highlights-header">
        <h3 id="agreement-breakdown-title">{t('agreement.breakdownTitle', { code })}</h3>
        <span className="spacer" />
        <label className="choice inline">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          <span>{t('agreement.showUncoded')}</span>
        </label>
        <button type="button" onClick={onClose}>
          {t('agreement.closeBreakdown')}
        </button>
      </div>
      {!shown ? (
        <p className="muted" role="status">
          {t('agreement.computing')}
        </p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('agreement.noCodedArticles')}</p>
      ) : (
        <div className="agreement-table-wrap">
          <table className="agreement-table">
            <thead>
              <tr>
                <th scope="col">{t('agreement.article')}</th>
                <th scope="col" title={t('agreement.alphaUHint')}>
                  α<sub>u</sub>
                </th>
                <th scope="col">{t('agreement.percent')}</th>
                <th scope="col">κ</th>
                {coders.map((name) => (
                  <th key={name} scope="col" className="count" title={t('agreement.unitsCharacters')}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.article_id} data-testid="agreement-article-row">
                  <th scope="row">
                    <button
                      type="button"
                      className="code-button"
                      title={`${a.article_path}\n${t('agreement.openArticle')}`}
                      onClick={() => onOpenArticle(a.article_id)}
                    >
                      {a.article_path}
                    </button>
                  </th>
                  <FigureCell
                    value={a.alpha_u}
                    kind="coefficient"
                    reason={coded(a) ? 'no-variation' : 'no-units'}
                  />
                  <FigureCell value={a.percent_agreement} kind="share" reason="empty-continuum" />
                  <FigureCell value={a.kappa} kind="coefficient" reason="all-or-nothing-coded" />
                  {coders.map((name) => (
                    <td key={name} className="count">
                      {count(a.units[name] ?? 0)} · {count(a.characters[name] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
