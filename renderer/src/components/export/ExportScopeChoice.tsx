/**
 * The export's scope: the whole library, the open article, the filter on screen, or a filter
 * chosen here (codes, folder, dates; its fields open under it).
 */
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import type { ChosenFilter } from '../../export/chosen-filter.js';
import type { CurrentFilter } from '../../export/export-settings.js';
import { describeFilter } from '../../export/filter-summary.js';
import type { ScopeKind } from '../../export/scope-choice.js';
import { ExportFilterFields } from './ExportFilterFields.js';

interface ExportScopeChoiceProps {
  article: { id: string; title: string } | null;
  filter: CurrentFilter | null;
  filterActive: boolean;
  tagsById: ReadonlyMap<string, Tag>;
  scope: ScopeKind;
  disabled: boolean;
  onChoose(kind: ScopeKind): void;
  chosen: ChosenFilter;
  folders: readonly string[];
  onChange(next: ChosenFilter): void;
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
      <label className="choice">
        <input
          type="radio"
          name="scope"
          data-testid="export-scope-chosen"
          checked={scope === 'chosen'}
          onChange={() => onChoose('chosen')}
        />
        <span>
          <span className="choice-label">{t('exportFilter.scope')}</span>
          <span className="choice-hint">{t('exportFilter.scopeHint')}</span>
        </span>
      </label>
      {scope === 'chosen' && (
        <ExportFilterFields
          chosen={props.chosen}
          tagsById={props.tagsById}
          folders={props.folders}
          disabled={props.disabled}
          onChange={props.onChange}
        />
      )}
    </fieldset>
  );
}
