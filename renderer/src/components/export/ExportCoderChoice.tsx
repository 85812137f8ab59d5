/**
 * Whose highlights to export: a checklist of the library's coders, all ticked meaning everyone's
 * (the dialog starts at the coders the layer shows). Shown when the library has more than one.
 */
import { useTranslation } from 'react-i18next';
import type { CoderSummary } from '../../coders/coder-types.js';
import { CoderChecklist } from '../coders/CoderChecklist.js';

interface ExportCoderChoiceProps {
  coders: readonly CoderSummary[];
  /** Coder ids; null: every coder. */
  chosen: readonly string[] | null;
  disabled: boolean;
  onChoose(chosen: string[] | null): void;
}

export function ExportCoderChoice({ coders, chosen, disabled, onChoose }: ExportCoderChoiceProps) {
  const { t } = useTranslation();
  const ticked = (id: string) => chosen === null || chosen.includes(id);
  const toggle = (id: string) => {
    const ids = coders.map((c) => c.id).filter((c) => (c === id ? !ticked(c) : ticked(c)));
    onChoose(ids.length === coders.length ? null : ids);
  };
  return (
    <fieldset className="choice-group" disabled={disabled} data-testid="export-coders">
      <legend>{t('coders.export.legend')}</legend>
      <CoderChecklist coders={coders} checked={ticked} onToggle={toggle} testId="export-coder" />
      {chosen?.length === 0 && (
        <p className="error-text" role="alert">
          {t('coders.export.noneChosen')}
        </p>
      )}
    </fieldset>
  );
}
