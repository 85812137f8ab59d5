/**
 * Follows the open article's file through the library list, which the host keeps current by
 * watching the folder (a `library-changed` event, then a new list): `version` goes up each time the
 * listed file changes (size, modification time or path), so the reader loads it again; `removed`
 * says the file is gone from the library (deleted, or renamed away from its id).
 */
import { useState } from 'react';
import type { ArticleList } from '../../../core/api/library-contract.js';

export interface ArticleFile {
  /** Goes up whenever the listed file changed since the article was selected. */
  version: number;
  removed: boolean;
}

const GONE = 'gone';

export function useArticleFile(list: ArticleList | null, articleId: string | null): ArticleFile {
  const summary = list && articleId ? list.articles.find((a) => a.id === articleId) : undefined;
  // Null while there is no list to compare with: nothing is concluded from no answer.
  const key =
    !list || !articleId ? null : summary ? `${summary.path}\n${summary.size}\n${summary.mtimeMs}` : GONE;
  const [seen, setSeen] = useState<{ id: string | null; key: string | null; version: number }>({
    id: articleId,
    key,
    version: 0,
  });
  // Adjusting state while rendering (React's pattern for state derived from props): the reader
  // asks for the new text in the same pass that notices it.
  if (seen.id !== articleId) setSeen({ id: articleId, key, version: 0 });
  else if (key !== null && key !== seen.key) {
    // The file changed or came back: load it again. A first sight, or a file that went away
    // (what is shown stays), needs no load.
    const reload = seen.key !== null && key !== GONE;
    setSeen({ id: articleId, key, version: reload ? seen.version + 1 : seen.version });
  }
  return { version: seen.version, removed: seen.id === articleId && (key ?? seen.key) === GONE };
}
