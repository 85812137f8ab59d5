/**
 * The article memo under its highlights: mine, with a word on whether it is saved, and below it
 * the other coders' memos on the article (those the layer shows), read-only with their names.
 */
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../../core/api/contract.js';
import { layerIncludes, type Layer } from '../../coders/layers.js';
import { useArticleMemo } from '../../hooks/use-article-memo.js';
import { CoderBadge } from '../coders/CoderBadge.js';

interface MemoEditorProps {
  api: GlossApi;
  articleId: string;
  layer: Layer;
  onError(err: unknown): void;
}

export function MemoEditor({ api, articleId, layer, onError }: MemoEditorProps) {
  const { t } = useTranslation();
  const { memo, status, edit, others } = useArticleMemo(api, articleId, onError);
  const shown = others.filter((o) => o.memo.trim() !== '' && layerIncludes(layer, { ...o, mine: false }));
  return (
    <>
      <section className="memo" aria-label={t('memo.title')}>
        <h2>
          <label htmlFor={`memo-${articleId}`}>{t('memo.title')}</label>
          <span className={`memo-status ${status}`} data-testid="memo-status" role="status">
            {status === 'saving' && t('memo.saving')}
            {status === 'saved' && t('memo.saved')}
            {status === 'dirty' && t('memo.unsaved')}
            {status === 'error' && t('memo.error')}
          </span>
        </h2>
        <textarea
          id={`memo-${articleId}`}
          data-testid="memo-input"
          className="memo-input"
          placeholder={t('memo.placeholder')}
          disabled={status === 'loading'}
          value={memo}
          onChange={(e) => edit(e.target.value)}
        />
      </section>
      {shown.length > 0 && (
        <section className="other-memos" aria-label={t('coders.othersMemos')} data-testid="other-memos">
          <h2>{t('coders.othersMemos')}</h2>
          {shown.map((o) => (
            <article key={o.coderId} className="other-memo" data-testid="other-memo">
              <CoderBadge coderId={o.coderId} name={o.coderName} />
              <p className="other-memo-text">{o.memo}</p>
            </article>
          ))}
        </section>
      )}
    </>
  );
}
