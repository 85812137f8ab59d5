/** The article memo under its highlights, with a word on whether it is saved. */
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../../core/api/contract.js';
import { useArticleMemo } from '../../hooks/use-article-memo.js';

interface MemoEditorProps {
  api: GlossApi;
  articleId: string;
  onError(err: unknown): void;
}

export function MemoEditor({ api, articleId, onError }: MemoEditorProps) {
  const { t } = useTranslation();
  const { memo, status, edit } = useArticleMemo(api, articleId, onError);
  return (
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
  );
}
