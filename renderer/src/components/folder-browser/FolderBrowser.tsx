/**
 * "Open folder…" in the browser mode: a folder browser served by `gloss serve` (the desktop app
 * keeps its native dialog). It starts at the home folder with the recent libraries beside it; the
 * sub-folders form a list driven by the keyboard (↑ ↓ choose, Enter goes in, Backspace goes up),
 * with a breadcrumb and a path field. A folder that cannot be listed or opened says why, in the UI
 * language, inside the dialog.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossApi } from '../../../../core/api/contract.js';
import type { FolderBrowse } from '../../../../core/api/folder-browser-contract.js';
import type { LibraryInfo } from '../../../../core/api/library-contract.js';
import { errorText, isNotFound } from '../../error-text.js';
import { useFocusTrap } from '../../hooks/use-focus-trap.js';
import { withPaneBoundary } from '../PaneErrorBoundary.js';
import { RecentLibraries } from './RecentLibraries.js';
import { FolderStatus } from './FolderStatus.js';
import './folder-browser.css';

interface FolderBrowserProps {
  api: GlossApi;
  onOpened(info: LibraryInfo): void;
  onClose(): void;
}

function FolderBrowserContent({ api, onOpened, onClose }: FolderBrowserProps) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  /** The folder list, or the note standing in for an empty one: it takes the keyboard. */
  const list = useRef<HTMLElement>(null);
  const trap = useFocusTrap(dialog);
  const [browse, setBrowse] = useState<FolderBrowse | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Letters typed in a row (a desktop file dialog's type-ahead): "pr" goes to "projects". */
  const typeAhead = useRef({ text: '', at: 0 });
  /** The path field was typed in since the last listing was asked for: that listing leaves it be. */
  const edited = useRef(false);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const go = useCallback(
    (path: string | undefined, hidden = showHidden, select?: string) => {
      edited.current = false;
      api.browseFolders({ ...(path ? { path } : {}), showHidden: hidden }).then(
        (next) => {
          setMessage(null);
          setBrowse(next);
          if (!edited.current) setTyped(next.listing.path);
          // Going up keeps the folder just left chosen, as a desktop file dialog does.
          setActive(
            Math.max(
              0,
              next.listing.folders.findIndex((f) => f.path === select),
            ),
          );
        },
        (err: unknown) => setMessage(errorText(t, i18n.language, err)),
      );
    },
    [api, showHidden, t, i18n],
  );
  useEffect(() => go(undefined), []); // eslint-disable-line react-hooks/exhaustive-deps -- once, at the home folder

  const open = (path: string) => {
    setBusy(true);
    setMessage(null);
    api.openLibrary({ path }).then(
      (info) => {
        onOpened(info);
        dialog.current?.close();
      },
      (err: unknown) => {
        setBusy(false);
        setMessage(
          isNotFound(err)
            ? t('folderBrowser.problem.missing', { path })
            : t('folderBrowser.openFailed', { message: errorText(t, i18n.language, err) }),
        );
      },
    );
  };

  const listing = browse?.listing ?? null;
  const folders = listing?.folders ?? [];
  const up = () => listing?.parent && go(listing.parent, showHidden, listing.path);

  // The active row stays in view as the arrows move it.
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // Each new listing gives the keyboard to the list, so arrows work at once (not while a path is typed).
  useEffect(() => {
    if (listing && !edited.current) list.current?.focus();
  }, [listing]);

  const onListKey = (event: KeyboardEvent) => {
    const last = folders.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(active + 1, last),
      ArrowUp: Math.max(active - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(active + 10, last),
      PageUp: Math.max(active - 10, 0),
    };
    if (event.key in moves) setActive(Math.max(0, moves[event.key]!));
    else if (event.key === 'Enter' && folders[active]) go(folders[active].path);
    else if (event.key === 'Backspace' || (event.key === 'ArrowLeft' && event.altKey)) up();
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Letters typed within a second go to the first folder starting with them ("pr" → projects);
      // a letter alone goes to the next folder starting with it, as in a desktop file dialog.
      const letter = event.key.toLocaleLowerCase();
      const now = Date.now();
      const more = now - typeAhead.current.at < 1000 && typeAhead.current.text !== letter;
      const text = more ? typeAhead.current.text + letter : letter;
      typeAhead.current = { text, at: now };
      const from = more ? active : active + 1;
      const next = [...folders.slice(from), ...folders.slice(0, from)].find((f) =>
        f.name.toLocaleLowerCase().startsWith(text),
      );
      if (!next) return;
      setActive(folders.indexOf(next));
    } else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="folder-browser"
      aria-labelledby="folder-browser-title"
      data-testid="folder-browser"
      onClose={onClose}
      onKeyDown={(event) => {
        trap(event);
        // Keys typed here are the dialog's, not the reader's shortcuts.
        event.stopPropagation();
      }}
    >
      <header className="dialog-header">
        <h2 id="folder-browser-title">{t('folderBrowser.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('folderBrowser.cancel')}>
          ×
        </button>
      </header>
      <div className="folder-browser-body">
        <RecentLibraries recent={browse?.recent ?? null} onOpen={open} disabled={busy} />
        <section className="folder-browser-main">
          <form
            className="folder-path"
            onSubmit={(event) => {
              event.preventDefault();
              if (typed.trim()) go(typed.trim());
            }}
          >
            <button
              type="button"
              onClick={up}
              disabled={!listing?.parent}
              title={t('folderBrowser.upHint')}
              data-testid="folder-up"
            >
              ↑ {t('folderBrowser.up')}
            </button>
            <button type="button" onClick={() => browse && go(browse.home)} data-testid="folder-home">
              {t('folderBrowser.home')}
            </button>
            <input
              aria-label={t('folderBrowser.path')}
              title={t('folderBrowser.pathHint')}
              data-testid="folder-path"
              value={typed}
              spellCheck={false}
              onChange={(e) => {
                edited.current = true;
                setTyped(e.target.value);
              }}
            />
            <button type="submit">{t('folderBrowser.go')}</button>
          </form>
          <nav className="folder-crumbs" aria-label={t('folderBrowser.breadcrumb')}>
            {listing?.crumbs.map((crumb, i) => (
              <span key={crumb.path}>
                {i > 1 && <span aria-hidden="true"> › </span>}
                <button
                  type="button"
                  className="link-button"
                  aria-current={i === listing.crumbs.length - 1 ? 'location' : undefined}
                  onClick={() => go(crumb.path)}
                >
                  {crumb.name}
                </button>
              </span>
            ))}
          </nav>
          {listing ? (
            folders.length > 0 ? (
              <ul
                ref={list as RefObject<HTMLUListElement>}
                className="folder-list"
                role="listbox"
                tabIndex={0}
                aria-label={t('folderBrowser.folders')}
                aria-activedescendant={`folder-row-${active}`}
                aria-describedby="folder-browser-keys"
                data-testid="folder-list"
                onKeyDown={onListKey}
              >
                {folders.map((folder, i) => (
                  <li
                    key={folder.name}
                    id={`folder-row-${i}`}
                    role="option"
                    aria-selected={i === active}
                    data-index={i}
                    data-testid="folder-row"
                    className={i === active ? 'active' : undefined}
                    onClick={() => setActive(i)}
                    onDoubleClick={() => go(folder.path)}
                  >
                    <span aria-hidden="true">📁</span> {folder.name}
                    {folder.link && (
                      <span className="muted folder-link">
                        {' '}
                        ↪ {t('folderBrowser.linkTo', { path: folder.path })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p
                className="folder-list empty muted"
                ref={list as RefObject<HTMLParagraphElement>}
                tabIndex={0}
                onKeyDown={onListKey}
                data-testid="folder-list"
              >
                {listing.problem ? (
                  <span className="folder-problem" role="alert" data-testid="folder-problem">
                    {t(`folderBrowser.problem.${listing.problem}`, { path: listing.path })}
                  </span>
                ) : (
                  t('folderBrowser.noFolders')
                )}
              </p>
            )
          ) : (
            <p className="folder-list empty muted">{t('folderBrowser.loading')}</p>
          )}
          <p id="folder-browser-keys" className="muted folder-keys">
            {t('folderBrowser.keys')}
          </p>
          <FolderStatus
            listing={listing}
            message={message}
            showHidden={showHidden}
            onShowHidden={(on) => {
              setShowHidden(on);
              if (listing) go(listing.path, on);
            }}
          />
        </section>
      </div>
      <footer className="dialog-footer">
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('folderBrowser.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="open-this-folder"
          disabled={!listing || listing.problem !== null || busy}
          onClick={() => listing && open(listing.path)}
        >
          {t('folderBrowser.openThis')}
        </button>
      </footer>
    </dialog>
  );
}

export const FolderBrowser = withPaneBoundary(FolderBrowserContent, {
  pane: 'folderBrowser',
  className: 'pane-error-dialog',
  onClose: (props) => props.onClose,
});
