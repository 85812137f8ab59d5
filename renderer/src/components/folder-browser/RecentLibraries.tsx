/** The recent libraries beside the folder browser: one click opens one; a gone one is shown, not offered. */
import { useTranslation } from 'react-i18next';
import type { RecentLibrary } from '../../../../core/api/folder-browser-contract.js';

interface RecentLibrariesProps {
  /** Null while loading. */
  recent: RecentLibrary[] | null;
  onOpen(path: string): void;
  disabled: boolean;
}

/** The last part of a path, whatever the separator. */
const folderName = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

export function RecentLibraries({ recent, onOpen, disabled }: RecentLibrariesProps) {
  const { t } = useTranslation();
  return (
    <section className="folder-recent" aria-labelledby="folder-recent-title" data-testid="recent-libraries">
      <h3 id="folder-recent-title">{t('folderBrowser.recent')}</h3>
      {recent?.length === 0 && <p className="muted">{t('folderBrowser.noRecent')}</p>}
      <ul>
        {recent?.map((library) => (
          <li key={library.path}>
            <button
              type="button"
              className="recent-library"
              title={library.path}
              disabled={disabled || !library.exists}
              data-testid="recent-library"
              onClick={() => onOpen(library.path)}
            >
              <span className="recent-name">{folderName(library.path)}</span>
              <span className="muted recent-path">
                {library.exists ? library.path : `${library.path} (${t('folderBrowser.recentGone')})`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
