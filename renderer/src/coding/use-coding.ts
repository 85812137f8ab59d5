/**
 * The coding state of the open article and library for React: its highlights and the codebook
 * (cached queries, see data/queries.ts), the undo history, and the actions of coding-actions.ts
 * bound to the open article.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Annotation, OwnedAnnotation, Tag } from '../../../core/model.js';
import type { HostBridge } from '../api/api-client.js';
import type { ListedAnnotation, PlacedAnnotation } from '../../../core/api/annotation-contract.js';
import { annotationsQuery, useAnnotations, useTagList } from '../data/queries.js';
import type { OwnChanges } from '../data/own-changes.js';
import { UndoStack, type UndoEntry } from './undo-stack.js';
import type { PendingSelection } from './pending-selection.js';
import {
  createCodingActions,
  type AnnotationDraft,
  type AnnotationPatch,
  type TagPatch,
} from './coding-actions.js';

export type { AnnotationDraft, AnnotationPatch, TagPatch };

export interface Coding {
  tags: Tag[];
  tagsById: ReadonlyMap<string, Tag>;
  /** Highlights per tag id (a Map: tag ids come from files and may be `__proto__`). */
  counts: ReadonlyMap<string, number>;
  /** The open article's highlights in reading order (orphans last), with whose each is. */
  annotations: ListedAnnotation[];
  /** Tags of the last highlight made or tagged: what `h` applies. */
  lastTagIds: string[];
  canUndo: boolean;
  canRedo: boolean;
  /** One selection, one highlight: see coding-actions.ts. */
  createAnnotation(selection: PendingSelection, draft: AnnotationDraft): Promise<PlacedAnnotation | null>;
  updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation | null>;
  deleteAnnotation(id: string): Promise<boolean>;
  /** Another coder's highlight copied into mine (undoable); the copy, or null. */
  copyToMine(id: string): Promise<OwnedAnnotation | null>;
  toggleTag(id: string, tagId: string): Promise<void>;
  createTag(input: {
    name: string;
    parentId?: string | null;
    color?: string;
    description?: string;
  }): Promise<Tag | null>;
  updateTag(id: string, patch: TagPatch): Promise<void>;
  deleteTag(id: string): Promise<void>;
  mergeTags(sourceId: string, targetId: string): Promise<void>;
  undo(): Promise<UndoEntry | null>;
  redo(): Promise<UndoEntry | null>;
  refreshTags(): void;
  /** Reloads the open article's highlights and the codebook (after an import, say). */
  refresh(): void;
  /** Reloads the open article's highlights (placed on its text anew); resolves with them. */
  reanchor(): Promise<ListedAnnotation[] | null>;
}

const LAST_TAGS_KEY = 'gloss.lastTagIds';
const NO_TAGS: Tag[] = [];
const NO_COUNTS: ReadonlyMap<string, number> = new Map();
const NO_ANNOTATIONS: ListedAnnotation[] = [];

function storedLastTags(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(LAST_TAGS_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function useCoding(
  bridge: HostBridge,
  own: OwnChanges,
  articleId: string | null,
  libraryRoot: string | null,
  /** Who writes (`<coder>.<installation>`): another coder cannot undo the last one's changes. */
  writerId: string | null,
  report: (err: unknown) => void,
): Coding {
  const { api } = bridge;
  const queries = useQueryClient();
  const tagList = useTagList(api, libraryRoot !== null).data;
  const listed = useAnnotations(api, articleId).data;
  const [lastTagIds, setLastTagIds] = useState(storedLastTags);
  const stack = useMemo(() => new UndoStack(), []);
  const history = useSyncExternalStore(
    useCallback((cb) => stack.subscribe(cb), [stack]),
    () => `${stack.canUndo()}:${stack.canRedo()}`,
  );

  const rememberTags = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    setLastTagIds(ids);
    localStorage.setItem(LAST_TAGS_KEY, JSON.stringify(ids));
  }, []);
  const actions = useMemo(
    () => createCodingActions({ api, queries, stack, own, report, rememberTags }),
    [api, queries, stack, own, report, rememberTags],
  );

  // A new library (a new codebook) or another coder: the old history no longer applies.
  useEffect(() => stack.clear(), [libraryRoot, writerId, stack]);
  // Another article: its selections are new ones.
  useEffect(() => actions.forgetCreates(), [articleId, actions]);

  const tags = tagList?.tags ?? NO_TAGS;
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const [canUndo, canRedo] = history.split(':').map((v) => v === 'true') as [boolean, boolean];

  return useMemo((): Coding => {
    const open = <T>(run: (id: string) => Promise<T>, none: T) =>
      articleId ? run(articleId) : Promise.resolve(none);
    return {
      tags,
      tagsById,
      counts: tagList?.counts ?? NO_COUNTS,
      annotations: articleId ? (listed ?? NO_ANNOTATIONS) : NO_ANNOTATIONS,
      lastTagIds: lastTagIds.filter((id) => tagsById.has(id)),
      canUndo,
      canRedo,
      createAnnotation: actions.createAnnotation,
      updateAnnotation: (id, patch) => open((article) => actions.updateAnnotation(article, id, patch), null),
      deleteAnnotation: (id) => open((article) => actions.deleteAnnotation(article, id), false),
      copyToMine: (id) => open((article) => actions.copyToMine(article, id), null),
      toggleTag: (id, tagId) =>
        open(async (article) => void (await actions.toggleTag(article, id, tagId)), undefined),
      createTag: actions.createTag,
      updateTag: actions.updateTag,
      deleteTag: actions.deleteTag,
      mergeTags: actions.mergeTags,
      undo: actions.undo,
      redo: actions.redo,
      refreshTags: () => void queries.invalidateQueries({ queryKey: ['tags'] }),
      refresh: actions.reloadAll,
      reanchor: () =>
        open(
          (article) =>
            queries.fetchQuery({ ...annotationsQuery(api, article), staleTime: 0 }).catch(() => null),
          null,
        ),
    };
  }, [api, queries, actions, articleId, listed, tags, tagsById, tagList, lastTagIds, canUndo, canRedo]);
}
