/**
 * The article on screen: the selected one once loaded, read again when its file changes on disk
 * (or its text changed under a highlight being placed), with coding off while the file is gone.
 * When the same article comes back with another text, its highlights are placed on the new one
 * and the reader says how many need a look.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ArticleList } from '../../../core/api/library-contract.js';
import type { AnchoredAnnotation, OpenedArticle } from '../../../core/model.js';
import type { HostBridge } from '../api/api-client.js';
import { useArticle } from '../data/queries.js';
import { keys } from '../data/query-keys.js';
import { useArticleFile } from '../reader/use-article-file.js';

export interface ReaderArticle {
  /** The article shown: the loaded one while it is still the selected one. */
  shown: OpenedArticle | null;
  /** The file is gone: coding is off. */
  codingOff: boolean;
  /** Loads the article again (its text changed under a selection); `quiet` when a notice said so. */
  reload(quiet?: boolean): void;
}

export function useReaderArticle(
  api: HostBridge['api'],
  list: ArticleList | null,
  selectedId: string | null,
  /** Places the article's highlights on its current text (the coding state's, known after this hook). */
  reanchor: RefObject<() => Promise<AnchoredAnnotation[] | null>>,
  setNotice: (notice: string) => void,
): ReaderArticle {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const file = useArticleFile(list, selectedId);
  const [reloads, setReloads] = useState(0);
  /** Set when a highlight was just stored where its words moved to: that notice says it all. */
  const relocated = useRef(false);
  const article = useArticle(api, selectedId).data ?? null;

  // Asked for again when its file changed or a reload was asked for, not when another is selected.
  const asked = useRef({ id: selectedId, version: file.version, reloads });
  useEffect(() => {
    const before = asked.current;
    asked.current = { id: selectedId, version: file.version, reloads };
    if (!selectedId || before.id !== selectedId) return;
    if (before.version !== file.version || before.reloads !== reloads)
      void queries.invalidateQueries({ queryKey: keys.article(selectedId) });
  }, [queries, selectedId, file.version, reloads]);

  const shown = article && article.id === selectedId ? article : null;

  const shownText = useRef<{ id: string; version: string } | null>(null);
  useEffect(() => {
    if (!shown) return;
    const before = shownText.current;
    shownText.current = { id: shown.id, version: shown.textVersion };
    if (before?.id !== shown.id || before.version === shown.textVersion) return;
    const quiet = relocated.current;
    relocated.current = false;
    void reanchor.current().then((placed) => {
      if (!placed) return;
      const review = placed.filter((a) => a.status === 'fuzzy' || a.status === 'orphan').length;
      if (review > 0) setNotice(t('reader.fileChangedReview', { count: review }));
      else if (!quiet) setNotice(t('reader.fileChanged'));
    });
  }, [shown, reanchor, setNotice, t]);

  return {
    shown,
    codingOff: file.removed,
    reload: (quiet = false) => {
      if (quiet) relocated.current = true;
      setReloads((n) => n + 1);
    },
  };
}
