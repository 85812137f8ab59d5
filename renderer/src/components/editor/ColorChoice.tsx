/** The highlight's colour: automatic (its first tag's) or one of the colour-blind-safe palette. */
import { useTranslation } from 'react-i18next';
import { OKABE_ITO } from '../../coding/annotation-colors.js';
import { colorNameKey } from '../../coding/color-names.js';
import { swatchStyle } from '../../coding/safe-color.js';

interface ColorChoiceProps {
  color: string | null;
  onPick(color: string | null): void;
}

export function ColorChoice({ color, onPick }: ColorChoiceProps) {
  const { t } = useTranslation();
  return (
    <div className="colors" role="radiogroup" aria-label={t('editor.color')}>
      <button
        type="button"
        role="radio"
        aria-checked={color === null}
        className={`swatch-button auto${color === null ? ' chosen' : ''}`}
        title={t('editor.colorAuto')}
        aria-label={t('editor.colorAuto')}
        onClick={() => onPick(null)}
      >
        A
      </button>
      {OKABE_ITO.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={color?.toUpperCase() === c}
          className={`swatch-button${color?.toUpperCase() === c ? ' chosen' : ''}`}
          style={swatchStyle(c)}
          title={t(colorNameKey(c))}
          aria-label={t(colorNameKey(c))}
          onClick={() => onPick(c)}
        />
      ))}
    </div>
  );
}
