/**
 * The library list's set filter (only a saved set's articles; clear to see all) and the
 * "Sample…" button that draws a new set from what the list shows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../../core/api/contract.js';
import { SampleDialog } from './SampleDialog.js';
import { useRefreshSets, useSets } from './use-sets.js';
// Shown in the library from the start, not only once the Analysis view has loaded.
import './analysis.css';

interface SetControlsProps {
  api: GlossApi;
  /** The chosen set's name, '' for none. */
  value: string;
  onChange(name: string): void;
  listedIds: readonly string[];
  libraryCount: number;
}

export function SetControls({ api, value, onChange, listedIds, libraryCount }: SetControlsProps) {
  const { t } = useTranslation();
  const sets = useSets(api, libraryCount > 0).data?.sets ?? [];
  const refresh = useRefreshSets();
  const [sampling, setSampling] = useState(false);
  return (
    <div className="set-controls">
      <select
        aria-label={t('analysis.sets.filter')}
        data-testid="library-set-filter"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('analysis.sets.all')}</option>
        {sets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} ({s.articleIds.length})
          </option>
        ))}
      </select>
      {value && (
        <button type="button" data-testid="library-set-clear" onClick={() => onChange('')}>
          {t('analysis.sets.clear')}
        </button>
      )}
      <button
        type="button"
        data-testid="open-sample"
        disabled={listedIds.length === 0}
        onClick={() => setSampling(true)}
      >
        {t('analysis.sample.open')}
      </button>
      {sampling && (
        <SampleDialog
          api={api}
          listedIds={listedIds}
          libraryCount={libraryCount}
          onClose={() => setSampling(false)}
          onSaved={(name) => {
            refresh();
            onChange(name);
            setSampling(false);
          }}
        />
      )}
    </div>
  );
}
