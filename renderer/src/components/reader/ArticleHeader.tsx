/**
 * The reader's header: previous/next buttons, the article's title and metadata, its categories,
 * load warnings, the notice that its file is gone, and the remote-images switch.
 */
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../../core/model.js';
import { warningText } from '../../article-warning-text.js';
import { formatDate } from '../../format-date.js';

interface ArticleHeaderProps {
  article: Article;
  fileRemoved: boolean;
  loadImages: boolean;
  onLoadImages(on: boolean): void;
  onPrevious(): void;
  onNext(): void;
}

export function ArticleHeader({
  article,
  fileRemoved,
  loadImages,
  onLoadImages,
  onPrevious,
  onNext,
}: ArticleHeaderProps) {
  const { t, i18n } = useTranslation();
  const { meta } = article;
  const remote = article.doc.remoteImages;
  return (
    <header className="reader-header">
      <div className="reader-nav">
        <button
          type="button"
          onClick={onPrevious}
          title={t('reader.previous')}
          aria-label={t('reader.previous')}
        >
          ↑
        </button>
        <button type="button" onClick={onNext} title={t('reader.next')} aria-label={t('reader.next')}>
          ↓
        </button>
      </div>
      <h1 data-testid="reader-title">{meta.title}</h1>
      <p className="reader-meta muted">
        {meta.date ? <time dateTime={meta.date}>{formatDate(meta.date, i18n.language)}</time> : meta.dateRaw}
        {meta.author && <span>{meta.author}</span>}
        {meta.editor && (
          <span>
            {t('reader.editor')}: {meta.editor}
          </span>
        )}
        {meta.url && /^https?:\/\//i.test(meta.url) && (
          <a href={meta.url} target="_blank" rel="noopener noreferrer">
            {t('reader.link')}
          </a>
        )}
        <span className="reader-path" title={article.path}>
          {article.path}
        </span>
      </p>
      {meta.categories.length > 0 && (
        <p className="reader-categories">
          {meta.categories.map((c) => (
            <span key={c} className="chip">
              {c}
            </span>
          ))}
        </p>
      )}
      {article.warnings.length > 0 && (
        <details className="warning" open>
          <summary>{t('reader.warnings')}</summary>
          <ul>
            {article.warnings.map((w, i) => (
              <li key={i}>{warningText(t, w, article)}</li>
            ))}
          </ul>
        </details>
      )}
      {fileRemoved && (
        <p className="file-removed warning" role="status" data-testid="file-removed">
          {t('reader.fileRemoved')}
        </p>
      )}
      {remote > 0 && (
        <p className="images-notice" data-testid="images-notice">
          <span>
            {loadImages ? t('reader.remoteImagesShown') : t('reader.remoteImages', { count: remote })}
          </span>
          <button type="button" onClick={() => onLoadImages(!loadImages)}>
            {loadImages ? t('reader.hideImages') : t('reader.loadImages')}
          </button>
        </p>
      )}
    </header>
  );
}
