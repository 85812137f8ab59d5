/** What the Analysis area counts: which coders, which articles, and sub-codes folded or not. */
import { useTranslation } from 'react-i18next';
import type { SavedSet } from '../../../../core/api/analysis-contract.js';
import type { CoderSummary } from '../../coders/coder-types.js';
import { CoderChecklist } from '../coders/CoderChecklist.js';
import type { AnalysisChoice } from './analysis-scope.js';

interface AnalysisChoicesProps {
  coders: readonly CoderSummary[];
  sets: readonly SavedSet[];
  listedCount: number;
  choice: AnalysisChoice;
  onChange(choice: AnalysisChoice): void;
}

const toggled = (list: readonly string[], id: string): string[] =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

export function AnalysisChoices({ coders, sets, listedCount, choice, onChange }: AnalysisChoicesProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AnalysisChoice>) => onChange({ ...choice, ...patch });
  const articles = choice.articles;
  return (
    <div className="agreement-choices analysis-choices">
      <fieldset className="choice-group">
        <legend>{t('analysis.coders')}</legend>
        <CoderChecklist
          coders={coders}
          checked={(id) => choice.coderIds.includes(id)}
          onToggle={(id) => set({ coderIds: toggled(choice.coderIds, id) })}
          testId="analysis-coder"
          label={t('analysis.coders')}
        />
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('analysis.articles')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="analysis-articles"
            data-testid="analysis-articles-listed"
            checked={articles.kind === 'listed'}
            onChange={() => set({ articles: { kind: 'listed' } })}
          />
          <span className="choice-label">{t('analysis.articlesListed', { count: listedCount })}</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="analysis-articles"
            data-testid="analysis-articles-all"
            checked={articles.kind === 'all'}
            onChange={() => set({ articles: { kind: 'all' } })}
          />
          <span className="choice-label">{t('analysis.articlesAll')}</span>
        </label>
        {sets.length > 0 && (
          <label className="choice">
            <input
              type="radio"
              name="analysis-articles"
              data-testid="analysis-articles-set"
              checked={articles.kind === 'set'}
              onChange={() => set({ articles: { kind: 'set', name: sets[0]!.name } })}
            />
            <span className="choice-label">{t('analysis.articlesSet')}</span>
          </label>
        )}
        {articles.kind === 'set' && (
          <select
            aria-label={t('analysis.chooseSet')}
            value={articles.name}
            onChange={(e) => set({ articles: { kind: 'set', name: e.target.value } })}
          >
            {sets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({s.articleIds.length})
              </option>
            ))}
          </select>
        )}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('analysis.codes')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            data-testid="analysis-fold"
            checked={choice.foldToParents}
            onChange={(e) => set({ foldToParents: e.target.checked })}
          />
          <span className="choice-label">{t('analysis.foldToParents')}</span>
        </label>
      </fieldset>
    </div>
  );
}
