/** The export's scope: the whole library, the open article, or the filter on screen. */
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { CurrentFilter } from '../../export/export-settings.js';
import { describeFilter } from '../../export/filter-summary.js';
import type { ScopeKind } from '../../export/scope-choice.js';

interface ExportScopeChoiceProps {
  article: { id: string; title: string } | null;
  filter: CurrentFilter | null;
  filterActive: boolean;
  tagsById: ReadonlyMap<string, Tag>;
  scope: ScopeKind;
  disabled: boolean;
  onChoose(kind: ScopeKind): void;
}

export function ExportScopeChoice(props: ExportScopeChoiceProps) {
  const { article, filter, filterActive, scope, onChoose } = props;
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group" disabled={props.disabled}>
      <legend>{t('exporter.scope')}</legend>
      <label className="choice">
        <input
          type="radio"
          name="scope"
          data-testid="export-scope-library"
          checked={scope === 'library'}
          onChange={() => onChoose('library')}
        />
        <span className="choice-label">{t('exporter.scopes.library')}</span>
      </label>
      <label className={`choice${article ? '' : ' unavailable'}`}>
        <input
          type="radio"
          name="scope"
          data-testid="export-scope-article"
          disabled={!article}
          checked={scope === 'article'}
          onChange={() => onChoose('article')}
        />
        <span>
          <span className="choice-label">{t('exporter.scopes.article')}</span>
          <span className="choice-hint" title={article?.title}>
            {article ? article.title : t('exporter.noArticle')}
          </span>
        </span>
      </label>
      <label className={`choice${filterActive ? '' : ' unavailable'}`}>
        <input
          type="radio"
          name="scope"
          data-testid="export-scope-filter"
          disabled={!filterActive}
          checked={scope === 'filter'}
          onChange={() => onChoose('filter')}
        />
        <span>
          <span className="choice-label">
            {filter?.source === 'highlights'
              ? t('exporter.scopes.highlightsFilter')
              : t('exporter.scopes.libraryFilter')}
          </span>
          <span className="choice-hint" data-testid="export-filter-description">
            {filterActive && filter ? describeFilter(filter, props.tagsById, t) : t('exporter.noFilter')}
          </span>
          {filterActive && filter?.source === 'highlights' && filter.text && (
            <span className="choice-hint warn-text">
              {t(filter.tagId ? 'exporter.textFilterIgnored' : 'exporter.textFilterIgnoredAll', {
                text: filter.text,
              })}
            </span>
          )}
        </span>
      </label>
    </fieldset>
  );
}
