/**
 * The coding state of the open article and library: its highlights, the codebook and the undo
 * history. Every change goes through the API and leaves one undo entry; the lists are reloaded
 * after each change and whenever the host says something changed (another window, another process).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { AnchoredAnnotation, Annotation, Tag } from '../../../core/model.js';
import type { GlossApi } from '../../../core/api/contract.js';
import type { HostBridge } from '../api/api-client.js';
import { listedFields, storedAnnotation } from '../../../core/stored-annotation.js';
import { prepareColors } from '../reader/highlight-painter.js';
import { UndoStack, type UndoEntry } from './undo-stack.js';
import type { PlacedAnnotation, TagRemoval } from '../../../core/api/annotation-contract.js';
import { MAX_RESTORE_BATCH } from '../../../core/limits.js';
import { placedAt, type PendingSelection } from './pending-selection.js';
import { countsById } from './counts-by-id.js';

export interface AnnotationDraft {
  tagIds: string[];
  note: string;
  color: string | null;
}

export interface AnnotationPatch {
  tagIds?: string[];
  note?: string;
  color?: string | null;
  /** Moves the highlight there (re-attaching an orphan): the host checks the quote as for a create. */
  moveTo?: PendingSelection;
}

export interface TagPatch {
  name?: string;
  parentId?: string | null;
  color?: string;
  description?: string;
}

export interface Coding {
  tags: Tag[];
  tagsById: ReadonlyMap<string, Tag>;
  /** Highlights per tag id (a Map: tag ids come from files and may be `__proto__`). */
  counts: ReadonlyMap<string, number>;
  /** The open article's highlights in reading order (orphans last). */
  annotations: AnchoredAnnotation[];
  /** Tags of the last highlight made or tagged: what `h` applies. */
  lastTagIds: string[];
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Makes the selection's highlight. Called again for the same selection (a second key, a second
   * Ctrl+Enter, while the first is under way or after), it adds the draft's tags, and its note and
   * colour when given, to that one highlight: one selection, one highlight.
   */
  createAnnotation(selection: PendingSelection, draft: AnnotationDraft): Promise<PlacedAnnotation | null>;
  updateAnnotation(id: string, patch: AnnotationPatch): Promise<Annotation | null>;
  deleteAnnotation(id: string): Promise<boolean>;
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
  reanchor(): Promise<AnchoredAnnotation[] | null>;
}

const LAST_TAGS_KEY = 'gloss.lastTagIds';

function readOrder(a: AnchoredAnnotation, b: AnchoredAnnotation): number {
  if (!a.range || !b.range) return a.range ? -1 : b.range ? 1 : a.created.localeCompare(b.created);
  return a.range.start - b.range.start || b.range.end - a.range.end;
}

/** The tag and every tag below it, parents first. */
function subtree(tags: readonly Tag[], id: string): Tag[] {
  const root = tags.find((t) => t.id === id);
  if (!root) return [];
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const t of tags) if (t.parentId === out[i]!.id) out.push(t);
  return out;
}

export function useCoding(
  bridge: HostBridge,
  articleId: string | null,
  libraryRoot: string | null,
  report: (err: unknown) => void,
): Coding {
  const api: GlossApi = bridge.api;
  const [tags, setTags] = useState<Tag[]>([]);
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [annotations, setAnnotations] = useState<{ articleId: string; list: AnchoredAnnotation[] } | null>(
    null,
  );
  const [lastTagIds, setLastTagIds] = useState<string[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(LAST_TAGS_KEY) ?? '[]') as string[];
    } catch {
      return [];
    }
  });
  const stack = useMemo(() => new UndoStack(), []);
  const history = useSyncExternalStore(
    useCallback((cb) => stack.subscribe(cb), [stack]),
    () => `${stack.canUndo()}:${stack.canRedo()}`,
  );

  const articleRef = useRef(articleId);
  /** The newest known state of the article's highlights, ahead of React's (see `perform`). */
  const listRef = useRef<AnchoredAnnotation[]>([]);
  /** Changes run one after another, each reading the state the previous one left. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** The creates under way or done, by selection id (= the highlight's id); see createAnnotation. */
  const creating = useRef(new Map<string, Promise<PlacedAnnotation | null>>());
  /** Bumped by every change, so a reload that started before it cannot overwrite its result. */
  const generation = useRef(0);
  const tagsRef = useRef(tags);
  const countsRef = useRef(counts);
  useLayoutEffect(() => {
    articleRef.current = articleId;
    tagsRef.current = tags;
    countsRef.current = counts;
  });

  const refreshTags = useCallback(() => {
    api.listTags({}).then((r) => {
      prepareColors([...r.tags.map((tag) => tag.color), ...r.colors]);
      setTags(r.tags);
      setCounts(countsById(r.counts));
    }, report);
  }, [api, report]);

  /** Resolves with the list, or null when it was stale (another article, a change since) or failed. */
  const refreshAnnotations = useCallback((): Promise<AnchoredAnnotation[] | null> => {
    const id = articleRef.current;
    if (!id) return Promise.resolve(null);
    const asked = generation.current;
    return api.listAnnotations({ articleId: id }).then(
      (list) => {
        if (articleRef.current !== id || generation.current !== asked) return null;
        const sorted = [...list].sort(readOrder);
        listRef.current = sorted;
        setAnnotations({ articleId: id, list: sorted });
        return sorted;
      },
      (err: unknown) => {
        report(err);
        return null;
      },
    );
  }, [api, report]);

  // A new library: a new codebook, and the old history no longer applies.
  useEffect(() => {
    stack.clear();
    if (libraryRoot) refreshTags();
  }, [libraryRoot, refreshTags, stack]);

  useEffect(() => {
    listRef.current = [];
    creating.current.clear();
    if (articleId) void refreshAnnotations();
  }, [articleId, refreshAnnotations]);

  useEffect(
    () =>
      bridge.onEvent((event) => {
        if (event.type === 'tags-changed') refreshTags();
        if (event.type === 'annotations-changed') {
          if (event.articleId === null || event.articleId === articleRef.current) void refreshAnnotations();
          refreshTags(); // the counts per tag changed
        }
      }),
    [bridge, refreshAnnotations, refreshTags],
  );

  const refresh = useCallback(() => {
    void refreshAnnotations();
    refreshTags();
  }, [refreshAnnotations, refreshTags]);

  const rememberTags = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    setLastTagIds(ids);
    localStorage.setItem(LAST_TAGS_KEY, JSON.stringify(ids));
  }, []);

  const restore = useCallback(
    async (a: Annotation) => {
      await api.restoreAnnotation({ annotation: storedAnnotation(a) });
    },
    [api],
  );

  /**
   * Runs a change after the ones before it (so `1` pressed twice quickly toggles twice, not once),
   * records its undo entry (none when it changed nothing) and reloads; errors are reported, never
   * thrown.
   */
  const perform = useCallback(
    <T>(run: () => Promise<{ result: T; entry: UndoEntry | null } | null>): Promise<T | null> => {
      const step = queue.current.then(async () => {
        generation.current++;
        try {
          const done = await run();
          if (!done) return null;
          if (done.entry) stack.push(done.entry);
          return done.result;
        } catch (err) {
          report(err);
          return null;
        } finally {
          refresh();
        }
      });
      queue.current = step;
      return step;
    },
    [stack, report, refresh],
  );

  /** Takes a changed highlight into the newest state at once, before the reload confirms it. */
  const applyLocally = useCallback((changed: Annotation) => {
    generation.current++;
    // Its place is the host's to say (the next list); the quote is the stored one until then.
    const listed = { ...listedFields(changed), quote: { exact: changed.quote.exact } };
    listRef.current = listRef.current.map((a) => (a.id === changed.id ? { ...a, ...listed } : a));
    const id = articleRef.current;
    if (id) setAnnotations({ articleId: id, list: listRef.current });
  }, []);

  /** Lists a highlight just made at once, so keys pressed before the reload confirms it find it. */
  const addLocally = useCallback((created: Annotation) => {
    if (articleRef.current !== created.articleId || listRef.current.some((a) => a.id === created.id)) return;
    generation.current++;
    const { start, end } = created.position;
    const listed: AnchoredAnnotation = {
      ...listedFields(created),
      quote: { exact: created.quote.exact },
      status: 'exact',
      range: { start, end },
    };
    listRef.current = [...listRef.current, listed].sort(readOrder);
    setAnnotations({ articleId: created.articleId, list: listRef.current });
  }, []);

  const current = useCallback((id: string) => listRef.current.find((a) => a.id === id), []);

  /** Adds a later draft for the same selection to the highlight it made (nothing if it adds nothing). */
  const extend = useCallback(
    (created: PlacedAnnotation, draft: AnnotationDraft): Promise<PlacedAnnotation | null> =>
      perform(async () => {
        const now = current(created.id) ?? created;
        const tagIds = [...new Set([...now.tagIds, ...draft.tagIds])];
        const patch: AnnotationPatch = {};
        if (tagIds.length !== now.tagIds.length) patch.tagIds = tagIds;
        if (draft.note && draft.note !== now.note) patch.note = draft.note;
        if (draft.color !== null && draft.color !== now.color) patch.color = draft.color;
        if (Object.keys(patch).length === 0) return { result: created, entry: null };
        const { annotation: after, previous } = await api.updateAnnotation({
          articleId: created.articleId,
          id: created.id,
          ...patch,
        });
        applyLocally(after);
        if (patch.tagIds) rememberTags(patch.tagIds);
        return {
          result: { ...after, placement: created.placement },
          entry: { label: 'undo.edit', undo: () => restore(previous), redo: () => restore(after) },
        };
      }),
    [api, applyLocally, current, perform, rememberTags, restore],
  );

  const createAnnotation = useCallback<Coding['createAnnotation']>(
    (selection, draft) => {
      const first = creating.current.get(selection.id);
      if (first) return first.then((created) => (created ? extend(created, draft) : null));
      const made = perform(async () => {
        // The selection's id goes with it: should this request reach the host twice, the second
        // returns the highlight the first stored.
        const created = await api.createAnnotation({
          id: selection.id,
          articleId: selection.articleId,
          ...placedAt(selection),
          ...draft,
        });
        addLocally(created);
        rememberTags(draft.tagIds);
        return {
          result: created,
          entry: {
            label: 'undo.create',
            undo: () =>
              api.deleteAnnotation({ articleId: created.articleId, id: created.id }).then(() => undefined),
            redo: () => restore(created),
          },
        };
      });
      creating.current.set(selection.id, made);
      // A failed create may be tried again with the same id (the host would say if it was stored).
      void made.then((created) => {
        if (!created && creating.current.get(selection.id) === made) creating.current.delete(selection.id);
      });
      return made;
    },
    [api, addLocally, extend, perform, rememberTags, restore],
  );

  const updateAnnotation = useCallback<Coding['updateAnnotation']>(
    (id, { moveTo, ...patch }) => {
      return perform(async () => {
        const listed = current(id);
        if (!listed) return null;
        const { annotation: after, previous } = await api.updateAnnotation({
          articleId: listed.articleId,
          id,
          ...patch,
          ...(moveTo ? placedAt(moveTo) : {}),
        });
        applyLocally(after);
        if (patch.tagIds && patch.tagIds.length > 0) rememberTags(patch.tagIds);
        return {
          result: after,
          entry: { label: 'undo.edit', undo: () => restore(previous), redo: () => restore(after) },
        };
      });
    },
    [api, applyLocally, current, perform, rememberTags, restore],
  );

  const deleteAnnotation = useCallback<Coding['deleteAnnotation']>(
    async (id) => {
      const done = await perform(async () => {
        const before = current(id);
        if (!before) return null;
        const removed = await api.deleteAnnotation({ articleId: before.articleId, id });
        return {
          result: true,
          entry: {
            label: 'undo.delete',
            undo: () => restore(removed),
            redo: () =>
              api.deleteAnnotation({ articleId: removed.articleId, id: removed.id }).then(() => undefined),
          },
        };
      });
      return done === true;
    },
    [api, current, perform, restore],
  );

  const toggleTag = useCallback<Coding['toggleTag']>(
    async (id, tagId) => {
      await perform(async () => {
        const before = current(id);
        if (!before) return null;
        const tagIds = before.tagIds.includes(tagId)
          ? before.tagIds.filter((t) => t !== tagId)
          : [...before.tagIds, tagId];
        const { annotation: after, previous } = await api.updateAnnotation({
          articleId: before.articleId,
          id,
          tagIds,
        });
        applyLocally(after);
        if (tagIds.length > 0) rememberTags(tagIds);
        return {
          result: after,
          entry: { label: 'undo.edit', undo: () => restore(previous), redo: () => restore(after) },
        };
      });
    },
    [api, applyLocally, current, perform, rememberTags, restore],
  );

  const createTag = useCallback<Coding['createTag']>(
    (input) =>
      perform(async () => {
        const tag = await api.createTag(input);
        return {
          result: tag,
          entry: {
            label: 'undo.createTag',
            undo: () => api.deleteTag({ id: tag.id }).then(() => undefined),
            // The tag comes back with its id, so later history entries still name it.
            redo: () => api.restoreTag({ tag }).then(() => undefined),
          },
        };
      }),
    [api, perform],
  );

  const updateTag = useCallback<Coding['updateTag']>(
    async (id, patch) => {
      const before = tagsRef.current.find((t) => t.id === id);
      if (!before) return;
      await perform(async () => {
        await api.updateTag({ id, ...patch });
        const back: TagPatch = {};
        if (patch.name !== undefined) back.name = before.name;
        if (patch.color !== undefined) back.color = before.color;
        if (patch.description !== undefined) back.description = before.description;
        if (patch.parentId !== undefined) back.parentId = before.parentId;
        return {
          result: undefined,
          entry: {
            label: 'undo.editTag',
            undo: () => api.updateTag({ id, ...back }).then(() => undefined),
            redo: () => api.updateTag({ id, ...patch }).then(() => undefined),
          },
        };
      });
    },
    [api, perform],
  );

  /**
   * The highlights a delete or merge of `id` will change, read beforehand only when there may be
   * more than a TagRemoval's `previous` holds (the tag's counts, sub-tags included, say so).
   */
  const snapshotIfLarge = useCallback(
    async (id: string): Promise<Annotation[] | null> => {
      const below = new Set(subtree(tagsRef.current, id).map((t) => t.id));
      let upperBound = 0;
      for (const tagId of below) upperBound += countsRef.current.get(tagId) ?? 0;
      if (upperBound <= MAX_RESTORE_BATCH) return null;
      const affected: Annotation[] = [];
      for (let offset = 0; ; offset += 5000) {
        const page = await api.listAllAnnotations({ tagIds: [id], offset, limit: 5000 });
        affected.push(...page.items.map(storedAnnotation));
        if (affected.length >= page.total || page.items.length === 0) break;
      }
      return affected;
    },
    [api],
  );

  /** Undo of a delete or merge: the tags back with their ids (parents first), then the highlights. */
  const putBack = useCallback(
    async (removal: TagRemoval, snapshot: Annotation[] | null) => {
      for (const tag of removal.previousTags) await api.restoreTag({ tag });
      const before =
        removal.previousTruncated && snapshot ? snapshot : removal.previous.map(storedAnnotation);
      for (let i = 0; i < before.length; i += MAX_RESTORE_BATCH) {
        await api.restoreAnnotations({ annotations: before.slice(i, i + MAX_RESTORE_BATCH) });
      }
    },
    [api],
  );

  const removeTagWithUndo = useCallback(
    (id: string, remove: () => Promise<TagRemoval>, label: string) =>
      perform(async () => {
        let snapshot = await snapshotIfLarge(id);
        let removal = await remove();
        return {
          result: undefined,
          entry: {
            label,
            undo: () => putBack(removal, snapshot),
            redo: async () => {
              snapshot = await snapshotIfLarge(id);
              removal = await remove();
            },
          },
        };
      }),
    [perform, putBack, snapshotIfLarge],
  );

  const deleteTag = useCallback<Coding['deleteTag']>(
    async (id) => {
      await removeTagWithUndo(id, () => api.deleteTag({ id }), 'undo.deleteTag');
    },
    [api, removeTagWithUndo],
  );

  const mergeTags = useCallback<Coding['mergeTags']>(
    async (sourceId, targetId) => {
      await removeTagWithUndo(sourceId, () => api.mergeTags({ sourceId, targetId }), 'undo.mergeTags');
    },
    [api, removeTagWithUndo],
  );

  const travel = useCallback(
    (move: () => Promise<UndoEntry | null>): Promise<UndoEntry | null> => {
      const step = queue.current.then(async () => {
        generation.current++;
        try {
          return await move();
        } catch (err) {
          report(err);
          return null;
        } finally {
          refresh();
        }
      });
      queue.current = step;
      return step;
    },
    [report, refresh],
  );
  const undo = useCallback(() => travel(() => stack.undo()), [travel, stack]);
  const redo = useCallback(() => travel(() => stack.redo()), [travel, stack]);

  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const [canUndo, canRedo] = history.split(':').map((v) => v === 'true') as [boolean, boolean];
  const list = annotations && annotations.articleId === articleId ? annotations.list : [];

  return {
    tags,
    tagsById,
    counts,
    annotations: list,
    lastTagIds: lastTagIds.filter((id) => tagsById.has(id)),
    canUndo,
    canRedo,
    createAnnotation,
    updateAnnotation,
    deleteAnnotation,
    toggleTag,
    createTag,
    updateTag,
    deleteTag,
    mergeTags,
    undo,
    redo,
    refreshTags,
    refresh,
    reanchor: refreshAnnotations,
  };
}
