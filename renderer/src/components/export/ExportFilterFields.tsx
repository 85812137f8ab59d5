/**
 * The Export dialog's own filter, under its scope choice: codes to tick (shown as the codebook's
 * tree; a code brings its sub-codes, as `gloss export --tag` does), a folder with its sub-folders,
 * and a date range. Each field sits in one grid, labels in one column, so they line up.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../core/model.js';
import { datesReversed, toggleTag, type ChosenFilter } from '../../export/chosen-filter.js';
import { swatchStyle, tagColor } from '../../coding/safe-color.js';
import { tagRows } from '../../coding/tag-tree.js';

interface ExportFilterFieldsProps {
  chosen: ChosenFilter;
  tagsById: ReadonlyMap<string, Tag>;
  /** Every folder of the library (ancestors included), sorted. */
  folders: readonly string[];
  disabled: boolean;
  onChange(next: ChosenFilter): void;
}

export function ExportFilterFields({
  chosen,
  tagsById,
  folders,
  disabled,
  onChange,
}: ExportFilterFieldsProps) {
  const { t } = useTranslation();
  const ids = useId();
  const rows = useMemo(() => tagRows([...tagsById.values()]), [tagsById]);
  const ticked = new Set(chosen.tagIds);
  // A ticked parent covers its sub-codes: they show as ticked and cannot be unticked alone.
  const coveredByParent = (tag: Tag): boolean => {
    for (let p = tag.parentId, guard = 0; p && guard < 50; guard++) {
      if (ticked.has(p)) return true;
      p = tagsById.get(p)?.parentId ?? null;
    }
    return false;
  };

  return (
    <div className="export-filter-fields" data-testid="export-filter-fields">
      <span className="export-filter-label" id={`${ids}-tags`}>
        {t('exportFilter.tags')}
      </span>
      <div className="export-filter-control">
        {rows.length === 0 ? (
          <span className="choice-hint">{t('exportFilter.noTags')}</span>
        ) : (
          <ul className="export-tag-tree" role="group" aria-labelledby={`${ids}-tags`}>
            {rows.map(({ tag, depth, path }) => {
              const covered = coveredByParent(tag);
              return (
                <li key={tag.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
                  <label className="choice inline" title={path}>
                    <input
                      type="checkbox"
                      data-testid={`export-filter-tag-${path}`}
                      checked={covered || ticked.has(tag.id)}
                      disabled={disabled || covered}
                      onChange={() => onChange(toggleTag(chosen, tag.id))}
                    />
                    <span className="swatch" style={swatchStyle(tagColor(tag))} aria-hidden="true" />
                    <span>{tag.name}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        <span className="choice-hint">
          {chosen.tagIds.length ? t('exportFilter.tagsHint') : t('exportFilter.anyTag')}
        </span>
      </div>

      <label className="export-filter-label" htmlFor={`${ids}-folder`}>
        {t('exportFilter.folder')}
      </label>
      <div className="export-filter-control">
        <select
          id={`${ids}-folder`}
          data-testid="export-filter-folder"
          value={chosen.folder}
          disabled={disabled}
          onChange={(e) => onChange({ ...chosen, folder: e.target.value })}
        >
          <option value="">{t('exportFilter.allFolders')}</option>
          {folders.map((f) => (
            <option key={f} value={f}>
              {'\u00a0\u00a0'.repeat(f.split('/').length - 1) + f.split('/').pop()}
            </option>
          ))}
        </select>
        {chosen.folder && <span className="choice-hint">{t('exportFilter.folderHint')}</span>}
      </div>

      <label className="export-filter-label" htmlFor={`${ids}-from`}>
        {t('exportFilter.from')}
      </label>
      <div className="export-filter-control export-filter-dates">
        <input
          id={`${ids}-from`}
          type="date"
          data-testid="export-filter-from"
          value={chosen.from}
          max={chosen.to || undefined}
          disabled={disabled}
          onChange={(e) => onChange({ ...chosen, from: e.target.value })}
        />
        <label htmlFor={`${ids}-to`}>{t('exportFilter.to')}</label>
        <input
          id={`${ids}-to`}
          type="date"
          data-testid="export-filter-to"
          value={chosen.to}
          min={chosen.from || undefined}
          disabled={disabled}
          onChange={(e) => onChange({ ...chosen, to: e.target.value })}
        />
      </div>
      <span />
      {datesReversed(chosen) ? (
        <span className="choice-hint warn-text" role="alert">
          {t('exportFilter.datesReversed')}
        </span>
      ) : (
        <span className="choice-hint">{t('exportFilter.datesHint')}</span>
      )}
    </div>
  );
}
