/**
 * "Show: mine / all coders / chosen coders": which coders' highlights the reader paints, the pane
 * lists, the memo shows and the highlights view asks for. A popup under a button; the chosen
 * coders are a checklist (ticking one switches to "chosen").
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CoderSummary } from '../../coders/coder-types.js';
import { toggleCoder, type Layer } from '../../coders/layers.js';
import { PopupPanel } from '../PopupPanel.js';
import { CoderChecklist } from './CoderChecklist.js';

interface LayerMenuProps {
  layer: Layer;
  coders: readonly CoderSummary[];
  myCoderId: string;
  onChange(layer: Layer): void;
  testId?: string;
}

export function LayerMenu({ layer, coders, myCoderId, onChange, testId = 'layer-menu' }: LayerMenuProps) {
  const { t } = useTranslation();
  const summary = layerSummary(layer, coders, t);
  return (
    <PopupPanel
      testId={testId}
      className="layer-menu"
      title={t('coders.layer.title')}
      label={<span data-testid="layer-summary">{summary}</span>}
    >
      <LayerChoice layer={layer} coders={coders} myCoderId={myCoderId} onChange={onChange} />
    </PopupPanel>
  );
}

/** What the button says: "My highlights", "All coders", the one coder chosen, or how many. */
function layerSummary(layer: Layer, coders: readonly CoderSummary[], t: TFunction): string {
  if (layer.show !== 'chosen') return t(`coders.layer.${layer.show}`);
  const only = layer.coderIds.length === 1 ? coders.find((c) => c.id === layer.coderIds[0]) : undefined;
  return only?.name ?? t('coders.layer.chosenCount', { count: layer.coderIds.length });
}

/** The popup: mine, all, or chosen, and the checklist of coders. */
function LayerChoice({ layer, coders, myCoderId, onChange }: LayerMenuProps) {
  const { t } = useTranslation();
  const name = useId();
  const allIds = coders.map((c) => c.id);
  const chooseShow = (show: Layer['show']) =>
    onChange(
      show === 'chosen'
        ? {
            show,
            coderIds: layer.show === 'mine' ? [myCoderId] : layer.show === 'chosen' ? layer.coderIds : allIds,
          }
        : { show },
    );
  const shown = (id: string) =>
    layer.show === 'all' || (layer.show === 'mine' ? id === myCoderId : layer.coderIds.includes(id));

  return (
    <fieldset className="choice-group layer-choice">
      <legend>{t('coders.layer.title')}</legend>
      {(['mine', 'all', 'chosen'] as const).map((show) => (
        <label key={show} className="choice">
          <input
            type="radio"
            name={name}
            data-testid={`layer-${show}`}
            checked={layer.show === show}
            onChange={() => chooseShow(show)}
          />
          <span className="choice-label">{t(`coders.layer.${show}`)}</span>
        </label>
      ))}
      <CoderChecklist
        coders={coders}
        checked={shown}
        onToggle={(id) => onChange(toggleCoder(layer, id, myCoderId, allIds))}
        testId="layer-coder"
        label={t('coders.layer.chosen')}
      />
      {layer.show === 'chosen' && layer.coderIds.length === 0 && (
        <p className="muted small">{t('coders.layer.noneChosen')}</p>
      )}
    </fieldset>
  );
}
