/**
 * Under the folder list: why a folder could not be opened (the list itself says why one cannot be
 * listed), how many article files it holds, and the hidden folders' count with their switch.
 */
import { useTranslation } from 'react-i18next';
import type { FolderListing } from '../../../../core/api/folder-browser-contract.js';

interface FolderStatusProps {
  listing: FolderListing | null;
  /** A failed call or open, already worded. */
  message: string | null;
  showHidden: boolean;
  onShowHidden(on: boolean): void;
}

export function FolderStatus({ listing, message, showHidden, onShowHidden }: FolderStatusProps) {
  const { t } = useTranslation();
  const files = listing?.articleFiles;
  return (
    <div className="folder-status">
      {message && (
        <p className="folder-problem" role="alert" data-testid="folder-message">
          {message}
        </p>
      )}
      {listing && listing.more > 0 && (
        <p className="muted">{t('folderBrowser.more', { count: listing.more })}</p>
      )}
      {listing && !listing.problem && files && (
        <p className="muted" data-testid="folder-article-count">
          {files.count === 0
            ? t('folderBrowser.noArticles')
            : files.complete
              ? t('folderBrowser.articles', { count: files.count })
              : t('folderBrowser.articlesMore', { count: files.count })}
        </p>
      )}
      <label className="folder-hidden">
        <input
          type="checkbox"
          checked={showHidden}
          data-testid="show-hidden-folders"
          onChange={(e) => onShowHidden(e.target.checked)}
        />
        {t('folderBrowser.showHidden')}
        {listing && listing.hidden > 0 && !showHidden && (
          <span className="muted"> ({t('folderBrowser.hidden', { count: listing.hidden })})</span>
        )}
      </label>
    </div>
  );
}
