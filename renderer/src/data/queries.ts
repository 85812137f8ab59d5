/**
 * The host data the window shows, each fetched and cached by TanStack Query under its key
 * (query-keys.ts): a late answer for an article no longer open lands in that article's entry, not
 * on screen, so no hand-written cancellation is needed. What changes them: host events
 * (use-host-events.ts) and the window's own changes (coding-actions.ts).
 */
import { useQuery } from '@tanstack/react-query';
import type { Tag } from '../../../core/model.js';
import type { ListedAnnotation } from '../../../core/api/annotation-contract.js';
import type { HostBridge } from '../api/api-client.js';
import { prepareColors } from '../reader/highlight-painter.js';
import { countsById } from '../coding/counts-by-id.js';
import { readOrder } from '../coding/annotation-order.js';
import { applyLanguage } from '../i18n/i18n.js';
import { keys } from './query-keys.js';

type Api = HostBridge['api'];

/** The codebook with the number of highlights per tag. */
export interface TagList {
  tags: Tag[];
  /** Highlights per tag id (a Map: tag ids come from files and may be `__proto__`). */
  counts: ReadonlyMap<string, number>;
}

export function useAppState(api: Api) {
  return useQuery({
    queryKey: keys.appState,
    queryFn: async () => {
      const state = await api.getAppState({});
      applyLanguage(state.preferences.language);
      return state;
    },
  });
}

export function useArticleList(api: Api) {
  return useQuery({ queryKey: keys.articles, queryFn: () => api.listArticles({}) });
}

/** The open article; not kept once closed (its file may change meanwhile: it is read again). */
export function useArticle(api: Api, id: string | null) {
  return useQuery({
    queryKey: keys.article(id ?? ''),
    queryFn: () => api.getArticle({ id: id! }),
    enabled: id !== null,
    gcTime: 0,
  });
}

export function useTagList(api: Api, enabled: boolean) {
  return useQuery({
    queryKey: keys.tags,
    queryFn: async (): Promise<TagList> => {
      const r = await api.listTags({});
      prepareColors([...r.tags.map((tag) => tag.color), ...r.colors]);
      return { tags: r.tags, counts: countsById(r.counts) };
    },
    enabled,
  });
}

/** The article's highlights in reading order (orphans last), placed on its current text. */
export function annotationsQuery(api: Api, articleId: string) {
  return {
    queryKey: keys.annotations(articleId),
    queryFn: async (): Promise<ListedAnnotation[]> =>
      [...(await api.listAnnotations({ articleId }))].sort(readOrder),
    gcTime: 0,
  };
}

export function useAnnotations(api: Api, articleId: string | null) {
  return useQuery({ ...annotationsQuery(api, articleId ?? ''), enabled: articleId !== null });
}

/** Who is coding, whether the first-run question was answered, and the library's coders. */
export function useCoder(api: Api, enabled = true) {
  return useQuery({ queryKey: keys.coder, queryFn: () => api.getCoder({}), enabled });
}

/** An article's memos: mine (edited by use-article-memo.ts) and the other coders' (read-only). */
export function useMemos(api: Api, articleId: string) {
  return useQuery({ queryKey: keys.memos(articleId), queryFn: () => api.getMemo({ articleId }), gcTime: 0 });
}
