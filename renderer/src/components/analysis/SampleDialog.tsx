/**
 * "Sample…": draws a seeded random sample from the library list's articles (a number or a
 * percentage, optionally stratified, proportional or equal per stratum), shows the seed (editable:
 * the same seed on the same articles draws the same sample) and the strata, and saves it as a set.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analysisNoteText } from '../../analysis-note-text.js';
import type { DrawnSample, StratifyBy } from '../../../../core/api/analysis-contract.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import { errorText } from '../../error-text.js';
import { ModalDialog } from './ModalDialog.js';

interface SampleDialogProps {
  api: GlossApi;
  /** The articles the library list shows (the population). */
  listedIds: readonly string[];
  libraryCount: number;
  onSaved(name: string): void;
  onClose(): void;
}

const STRATA: readonly StratifyBy[] = ['source', 'category', 'folder', 'month'];

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export function SampleDialog({ api, listedIds, libraryCount, onSaved, onClose }: SampleDialogProps) {
  const { t, i18n } = useTranslation();
  const [sizeKind, setSizeKind] = useState<'number' | 'percent'>('number');
  const [size, setSize] = useState('50');
  const [stratify, setStratify] = useState<StratifyBy | ''>('');
  const [equal, setEqual] = useState(false);
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [name, setName] = useState('');
  const [drawn, setDrawn] = useState<DrawnSample | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const filtered = listedIds.length < libraryCount;
  const scope = filtered ? { articleIds: [...listedIds] } : {};
  const amount = Number(size);
  const seedNumber = Number(seed);
  const sizeOk =
    size.trim() !== '' &&
    Number.isFinite(amount) &&
    amount > 0 &&
    (sizeKind === 'percent' ? amount <= 100 : Number.isInteger(amount));
  const seedOk = seed !== '' && Number.isInteger(seedNumber) && seedNumber >= 0 && seedNumber <= 0xffff_ffff;
  const valid = sizeOk && seedOk;
  // Said next to the form rather than only greying out Draw, so a size of 0 is not a silent dead end.
  const invalid = !sizeOk
    ? t(sizeKind === 'percent' ? 'analysis.sample.badPercent' : 'analysis.sample.badSize')
    : !seedOk
      ? t('analysis.sample.badSeed')
      : null;
  const request = {
    ...(sizeKind === 'percent' ? { percent: amount } : { size: amount }),
    seed: seedNumber,
    ...(stratify ? { stratify } : {}),
    equal,
    scope,
  };

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(t, i18n.language, err));
    } finally {
      setBusy(false);
    }
  };
  // A changed recipe makes the drawn sample out of date.
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDrawn(null);
    };

  const draw = () =>
    attempt(async () => {
      const sample = await api.drawSample(request);
      setSeed(String(sample.seed));
      setDrawn(sample);
    });
  const save = () =>
    attempt(async () => {
      if (!drawn) return;
      await api.saveSet({
        name: name.trim(),
        articleIds: drawn.articleIds,
        sample: {
          seed: drawn.seed,
          size: drawn.articleIds.length,
          ...(sizeKind === 'percent' ? { percent: amount } : {}),
          ...(stratify ? { stratify, equal } : {}),
          filter: scope,
        },
      });
      onSaved(name.trim());
    });

  return (
    <ModalDialog
      title={t('analysis.sample.title')}
      className="sample-dialog"
      testId="sample-dialog"
      onClose={onClose}
    >
      <p className="muted">{t('analysis.sample.from', { count: listedIds.length })}</p>
      <div className="form-grid">
        <label>
          {t('analysis.sample.size')}
          <input
            type="number"
            min={1}
            data-testid="sample-size"
            value={size}
            onChange={(e) => change(setSize)(e.target.value)}
          />
        </label>
        <label>
          {t('analysis.sample.sizeKind')}
          <select
            data-testid="sample-size-kind"
            value={sizeKind}
            onChange={(e) => change(setSizeKind)(e.target.value as 'number' | 'percent')}
          >
            <option value="number">{t('analysis.sample.number')}</option>
            <option value="percent">{t('analysis.sample.percent')}</option>
          </select>
        </label>
        <label>
          {t('analysis.sample.stratify')}
          <select
            data-testid="sample-stratify"
            value={stratify}
            onChange={(e) => change(setStratify)(e.target.value as StratifyBy | '')}
          >
            <option value="">{t('analysis.sample.none')}</option>
            {STRATA.map((s) => (
              <option key={s} value={s}>
                {t(`analysis.sample.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {stratify && (
          <label>
            {t('analysis.sample.allocation')}
            <select
              data-testid="sample-equal"
              value={equal ? 'equal' : 'proportional'}
              onChange={(e) => change(setEqual)(e.target.value === 'equal')}
            >
              <option value="proportional">{t('analysis.sample.proportional')}</option>
              <option value="equal">{t('analysis.sample.equal')}</option>
            </select>
          </label>
        )}
        <label>
          {t('analysis.sample.seed')}
          <span className="seed-row">
            <input
              inputMode="numeric"
              data-testid="sample-seed"
              value={seed}
              onChange={(e) => change(setSeed)(e.target.value.trim())}
            />
            <button type="button" onClick={() => change(setSeed)(String(randomSeed()))}>
              {t('analysis.sample.newSeed')}
            </button>
          </span>
        </label>
      </div>
      <p className="choice-hint">{t('analysis.sample.seedHint')}</p>
      {invalid && (
        <p className="error-text" role="status" data-testid="sample-invalid">
          {invalid}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          data-testid="sample-draw"
          disabled={!valid || busy || listedIds.length === 0}
          onClick={() => void draw()}
        >
          {busy && !drawn ? t('analysis.sample.drawing') : t('analysis.sample.preview')}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {drawn && (
        <div aria-live="polite" data-testid="sample-preview">
          <p>
            <strong>{t('analysis.sample.drawn', { count: drawn.articleIds.length })}</strong>
          </p>
          {drawn.notes.map((note) => (
            <p key={note} className="muted">
              {analysisNoteText(t, note)}
            </p>
          ))}
          <table className="analysis-table">
            <caption>{t('analysis.sample.strata')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.sample.stratum')}</th>
                <th scope="col">{t('analysis.sample.available')}</th>
                <th scope="col">{t('analysis.sample.chosen')}</th>
              </tr>
            </thead>
            <tbody>
              {drawn.strata.map((s) => (
                <tr key={s.key ?? ''} data-testid="sample-stratum">
                  <th scope="row">
                    {s.key ?? (stratify ? t('analysis.unnamed') : t('analysis.sample.none'))}
                  </th>
                  <td className="number">{s.available}</td>
                  <td className="number">{s.chosen}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <input
              aria-label={t('analysis.sample.name')}
              placeholder={t('analysis.sample.namePlaceholder')}
              data-testid="sample-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <button
              type="button"
              data-testid="sample-save"
              disabled={busy || !name.trim()}
              onClick={() => void save()}
            >
              {t('analysis.sample.save')}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
