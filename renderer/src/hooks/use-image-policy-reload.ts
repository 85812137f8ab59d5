/**
 * The page's Content-Security-Policy allows images from https: only while the open library shows
 * remote images, and a page keeps the policy it was loaded with. So when that setting changes (the
 * user switches it, or another library opens), the page is loaded again to get the new policy, and
 * the article that was open is opened again (its reading position is kept as always).
 * Returns whether remote images may be shown now: only when both the setting and the page's policy
 * allow them, so no image is asked for that the policy would block in the moment before a reload.
 */
import { useEffect, useState } from 'react';
import type { AppState } from '../../../core/api/library-contract.js';

const REOPEN_KEY = 'gloss.reopenArticle';

export function useImagePolicyReload(
  state: AppState | null,
  selectedId: string | null,
  select: (id: string) => void,
): boolean {
  const remoteImages = state?.library?.loadRemoteImages === true;
  /** The setting the page's policy was made for: the first state read after loading. */
  const [loadedWith, setLoadedWith] = useState<boolean | null>(null);
  if (loadedWith === null && state) setLoadedWith(remoteImages); // set once, during the first render with a state

  useEffect(() => {
    const id = sessionStorage.getItem(REOPEN_KEY);
    if (!id) return;
    sessionStorage.removeItem(REOPEN_KEY);
    select(id);
  }, [select]);

  useEffect(() => {
    if (loadedWith === null || remoteImages === loadedWith) return;
    if (selectedId) sessionStorage.setItem(REOPEN_KEY, selectedId);
    window.location.reload();
  }, [remoteImages, loadedWith, selectedId]);

  return remoteImages && loadedWith === true;
}
