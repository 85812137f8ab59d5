/** The library's coders as a checklist (the layer menu, the export's coder filter). */
import { useTranslation } from 'react-i18next';
import type { CoderSummary } from '../../coders/coder-types.js';
import { CoderDot } from './CoderBadge.js';

interface CoderChecklistProps {
  coders: readonly CoderSummary[];
  checked(coderId: string): boolean;
  onToggle(coderId: string): void;
  /** The checkboxes' test id. */
  testId: string;
  label?: string;
}

export function CoderChecklist({ coders, checked, onToggle, testId, label }: CoderChecklistProps) {
  const { t } = useTranslation();
  return (
    <ul className="coder-checklist" aria-label={label}>
      {coders.map((c) => (
        <li key={c.id}>
          <label className="choice">
            <input
              type="checkbox"
              data-testid={testId}
              value={c.id}
              checked={checked(c.id)}
              onChange={() => onToggle(c.id)}
            />
            <CoderDot coderId={c.id} />
            <span>
              <span className="choice-label">{c.mine ? t('coders.you', { name: c.name }) : c.name}</span>
              <span className="choice-hint">{t('coders.highlights', { count: c.highlights })}</span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
