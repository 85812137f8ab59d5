/** The CSV and Excel exports' options: wide or tidy layout, context around each quote; the CSV's BOM. */
import { useTranslation } from 'react-i18next';
import { clampContext, type ExportSettings } from '../../export/export-settings.js';

interface CsvOptionsProps {
  settings: ExportSettings;
  disabled: boolean;
  onChange(patch: Partial<ExportSettings>): void;
}

export function CsvOptions({ settings, disabled, onChange: update }: CsvOptionsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group csv-options" disabled={disabled}>
      <legend>{settings.format === 'xlsx' ? t('interop.xlsxOptions') : t('exporter.csvOptions')}</legend>
      <div className="option-row" role="radiogroup" aria-label={t('exporter.layout')}>
        <span className="option-name">{t('exporter.layout')}</span>
        {(['wide', 'tidy'] as const).map((layout) => (
          <label key={layout} className="choice inline" title={t(`exporter.layoutHints.${layout}`)}>
            <input
              type="radio"
              name="layout"
              data-testid={`export-layout-${layout}`}
              checked={settings.layout === layout}
              onChange={() => update({ layout })}
            />
            <span className="choice-label">{t(`exporter.layouts.${layout}`)}</span>
          </label>
        ))}
      </div>
      <p className="choice-hint option-hint">{t(`exporter.layoutHints.${settings.layout}`)}</p>
      <div className="option-row" role="radiogroup" aria-label={t('exporter.context')}>
        <span className="option-name">{t('exporter.context')}</span>
        <label className="choice inline">
          <input
            type="radio"
            name="context"
            data-testid="export-context-chars"
            checked={settings.contextKind === 'chars'}
            onChange={() => update({ contextKind: 'chars' })}
          />
          <input
            type="number"
            className="context-chars"
            min={0}
            max={10000}
            step={10}
            aria-label={t('exporter.contextCharsLabel')}
            data-testid="export-context-count"
            value={settings.contextChars}
            onFocus={() => settings.contextKind !== 'chars' && update({ contextKind: 'chars' })}
            onChange={(e) =>
              update({ contextKind: 'chars', contextChars: clampContext(e.target.valueAsNumber) })
            }
          />
          <span className="choice-label">{t('exporter.contextChars')}</span>
        </label>
        <label className="choice inline">
          <input
            type="radio"
            name="context"
            data-testid="export-context-sentence"
            checked={settings.contextKind === 'sentence'}
            onChange={() => update({ contextKind: 'sentence' })}
          />
          <span className="choice-label">{t('exporter.contextSentence')}</span>
        </label>
      </div>
      {settings.format === 'csv' && (
        <label className="choice">
          <input
            type="checkbox"
            data-testid="export-bom"
            checked={settings.bom}
            onChange={(e) => update({ bom: e.target.checked })}
          />
          <span>
            <span className="choice-label">{t('exporter.bom')}</span>
            <span className="choice-hint">{t('exporter.bomHint')}</span>
          </span>
        </label>
      )}
    </fieldset>
  );
}
