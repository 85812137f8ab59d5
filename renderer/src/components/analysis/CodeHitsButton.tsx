/** The search results' "Code hits…" button and its dialog. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutocodeResult } from '../../../../core/api/analysis-contract.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { Tag } from '../../../../core/model.js';
import type { AutocodeInput } from '../../coding/autocode-action.js';
import { CodeHitsDialog } from './CodeHitsDialog.js';

interface CodeHitsButtonProps {
  api: GlossApi;
  query: string;
  tags: readonly Tag[];
  disabled: boolean;
  onApply(input: AutocodeInput): Promise<AutocodeResult | null>;
}

export function CodeHitsButton({ api, query, tags, disabled, onApply }: CodeHitsButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        data-testid="open-code-hits"
        disabled={disabled || tags.length === 0}
        // Greyed out, it says why: there is no code to give the hits yet.
        title={tags.length === 0 ? t('analysis.autocode.noCodes') : undefined}
        onClick={() => setOpen(true)}
      >
        {t('analysis.autocode.open')}
      </button>
      {open && (
        <CodeHitsDialog
          api={api}
          query={query}
          tags={tags}
          onApply={onApply}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
