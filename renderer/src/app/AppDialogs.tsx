/** The dialog open over the window, if any: the codebook, export and import, or the shortcuts sheet. */
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppState, ArticleList } from '../../../core/api/library-contract.js';
import { folderTree } from '../../../core/query/article-query.js';
import type { CoderSummary } from '../coders/coder-types.js';
import type { HostBridge } from '../api/api-client.js';
import type { Coding } from '../coding/use-coding.js';
import { CodebookDialog } from '../components/CodebookDialog.js';
import { ExportDialog } from '../components/ExportDialog.js';
import { ShortcutsSheet } from '../components/ShortcutsSheet.js';
import type { HighlightsFilter, LibraryFilter } from '../export/export-settings.js';
import type { Navigation, NavigationEvent } from '../state/navigation.js';

interface AppDialogsProps {
  api: HostBridge['api'];
  state: AppState;
  nav: Navigation;
  dispatch: Dispatch<NavigationEvent>;
  list: ArticleList | null;
  coding: Coding;
  filter: LibraryFilter | HighlightsFilter | null;
  /** The library's coders and those the layer shows (null: all), for the export's coder filter. */
  coders: readonly CoderSummary[];
  initialCoders: readonly string[] | null;
  onImported(): void;
  onError(err: unknown): void;
}

export function AppDialogs({
  api,
  state,
  nav,
  dispatch,
  list,
  coding,
  filter,
  coders,
  initialCoders,
  onImported,
  onError,
}: AppDialogsProps) {
  const { t } = useTranslation();
  const close = () => dispatch({ type: 'close-dialog' });
  const { dialog, selectedId } = nav;
  if (dialog === 'codebook')
    return <CodebookDialog api={api} coding={coding} onClose={close} onError={onError} />;
  if (dialog === 'export') {
    const selected = selectedId ? (list?.articles.find((a) => a.id === selectedId) ?? null) : null;
    return (
      <ExportDialog
        api={api}
        nativeDialogs={state.nativeDialogs}
        article={selected ? { id: selected.id, title: selected.title } : null}
        filter={filter}
        tagsById={coding.tagsById}
        folders={folderTree(list?.articles ?? [])}
        coders={coders}
        initialCoders={initialCoders}
        articleTitle={(id) => list?.articles.find((a) => a.id === id)?.title ?? null}
        initialTab={nav.exportTab}
        onImported={onImported}
        onClose={close}
      />
    );
  }
  if (dialog === 'shortcuts' || dialog === 'about')
    return (
      <ShortcutsSheet
        onClose={close}
        about={dialog === 'about' ? t('app.about', { version: state.version }) : undefined}
      />
    );
  return null;
}
