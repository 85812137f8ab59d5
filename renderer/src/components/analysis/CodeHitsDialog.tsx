/**
 * "Code hits…" from the search results: every hit in keyword-in-context with a checkbox (all on;
 * those already coded with the tag are marked and skipped), the unit to highlight (the match, its
 * sentence, its paragraph) and the code; applying codes the kept hits as the current coder in one
 * undo step and says how many were made and skipped.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { analysisNoteText } from '../../analysis-note-text.js';
import type { AutocodeResult, AutocodeUnit } from '../../../../core/api/analysis-contract.js';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { Tag } from '../../../../core/model.js';
import type { AutocodeInput } from '../../coding/autocode-action.js';
import { tagRows } from '../../coding/tag-tree.js';
import { errorText } from '../../error-text.js';
import { ModalDialog } from './ModalDialog.js';

interface CodeHitsDialogProps {
  api: GlossApi;
  query: string;
  tags: readonly Tag[];
  /** Applies through the coding actions (one undo step); null when it failed. */
  onApply(input: AutocodeInput): Promise<AutocodeResult | null>;
  onClose(): void;
}

const UNITS: readonly AutocodeUnit[] = ['match', 'sentence', 'paragraph'];

export function CodeHitsDialog({ api, query, tags, onApply, onClose }: CodeHitsDialogProps) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => tagRows(tags), [tags]);
  const [unit, setUnit] = useState<AutocodeUnit>('match');
  const [tagId, setTagId] = useState('');
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [applying, setApplying] = useState(false);
  const [result, setResult] = useState<AutocodeResult | null>(null);

  const preview = useQuery({
    // The tag decides which hits are already coded; without one, any tag id gives the hits.
    queryKey: ['autocode-preview', query, unit, tagId],
    queryFn: () => api.autocodePreview({ query, unit, tagId: tagId || (rows[0]?.tag.id ?? '-') }),
    enabled: rows.length > 0,
    retry: false,
    gcTime: 0,
  });
  const hits = preview.data?.hits ?? [];
  const kept = hits.filter((h) => !dropped.has(h.id) && !h.alreadyCoded);
  const toggle = (id: string) =>
    setDropped((d) => {
      const next = new Set(d);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const apply = async () => {
    setApplying(true);
    const done = await onApply({ query, unit, tagId, hitIds: kept.map((h) => h.id) });
    setApplying(false);
    if (done) setResult(done);
  };

  return (
    <ModalDialog
      title={t('analysis.autocode.title', { query })}
      className="code-hits-dialog"
      testId="code-hits-dialog"
      onClose={onClose}
    >
      <div className="form-grid">
        <label>
          {t('analysis.autocode.tag')}
          <select data-testid="code-hits-tag" value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('analysis.autocode.chooseTag')}</option>
            {rows.map((r) => (
              <option key={r.tag.id} value={r.tag.id}>
                {'\u00a0\u00a0'.repeat(r.depth) + r.tag.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="unit-choice">
          <legend>{t('analysis.autocode.unit')}</legend>
          {UNITS.map((u) => (
            <label key={u} className="choice">
              <input
                type="radio"
                name="code-hits-unit"
                data-testid={`code-hits-unit-${u}`}
                checked={unit === u}
                onChange={() => setUnit(u)}
              />
              <span>{t(`analysis.autocode.units.${u}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {preview.isFetching && !preview.data && <p className="muted">{t('analysis.autocode.loading')}</p>}
      {preview.error && (
        <p className="error-text" role="alert">
          {errorText(t, i18n.language, preview.error)}
        </p>
      )}
      {preview.data && (
        <>
          <p className="hits-summary">
            <span data-testid="code-hits-count">
              {t('analysis.autocode.hits', { count: preview.data.total, articles: preview.data.articles })}
            </span>
            {' · '}
            {t('analysis.autocode.kept', { count: kept.length })}{' '}
            <button type="button" className="link-button" onClick={() => setDropped(new Set())}>
              {t('analysis.autocode.all')}
            </button>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setDropped(new Set(hits.map((h) => h.id)))}
            >
              {t('analysis.autocode.none')}
            </button>
          </p>
          {preview.data.truncated && (
            <p className="muted">{t('analysis.autocode.truncated', { count: hits.length })}</p>
          )}
          {preview.data.titleOnly > 0 && (
            <p className="muted" data-testid="autocode-title-only">
              {t('analysis.autocode.titleOnly', { count: preview.data.titleOnly })}
            </p>
          )}
          {preview.data.notes.map((note) => (
            <p key={note} className="muted">
              {analysisNoteText(t, note)}
            </p>
          ))}
          {hits.length === 0 ? (
            <p className="muted">{t('analysis.autocode.noHits')}</p>
          ) : (
            <ul className="kwic-list">
              {hits.map((h) => (
                <li key={h.id} className={h.alreadyCoded ? 'coded' : undefined}>
                  <label className="kwic">
                    <input
                      type="checkbox"
                      data-testid="code-hit"
                      disabled={h.alreadyCoded}
                      checked={!h.alreadyCoded && !dropped.has(h.id)}
                      onChange={() => toggle(h.id)}
                    />
                    <span className="kwic-title muted">{h.title}</span>
                    <span className="kwic-line">
                      <span className="kwic-before">{h.before}</span>
                      <mark>{h.match}</mark>
                      <span>{h.after}</span>
                    </span>
                    {h.alreadyCoded && <span className="badge">{t('analysis.autocode.alreadyCoded')}</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {result && (
        <p role="status" data-testid="code-hits-result">
          {t('analysis.autocode.result', { created: result.created, skipped: result.skipped })}
        </p>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button
          type="button"
          data-testid="code-hits-apply"
          disabled={!tagId || kept.length === 0 || applying || result !== null}
          onClick={() => void apply()}
        >
          {applying ? t('analysis.autocode.applying') : t('analysis.autocode.apply', { count: kept.length })}
        </button>
      </div>
    </ModalDialog>
  );
}
