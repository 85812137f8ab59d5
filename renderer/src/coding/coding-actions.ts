/**
 * What the user can do to highlights and tags, and the undo entry each leaves: plain functions over
 * the API, the window's caches (TanStack Query) and the undo stack, with no React in them. The
 * `useCoding` hook makes one set per window and reads the cached lists.
 *
 * Every change runs after the ones before it (so `1` pressed twice quickly toggles twice, not
 * once) and takes its reply into the caches at once: no list is asked for again after the
 * window's own change, and its echo from the host is skipped (own-changes.ts).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Annotation, OwnedAnnotation } from '../../../core/model.js';
import type { HostBridge } from '../api/api-client.js';
import type { ArticleList } from '../../../core/api/library-contract.js';
import type { ListedAnnotation, PlacedAnnotation } from '../../../core/api/annotation-contract.js';
import { listedFields, storedAnnotation } from '../../../core/stored-annotation.js';
import { keys } from '../data/query-keys.js';
import type { OwnChanges } from '../data/own-changes.js';
import { newId, placedAt, type PendingSelection } from './pending-selection.js';
import type { Done, UndoEntry, UndoStack } from './undo-stack.js';
import { autocodeStep, type AutocodeInput } from './autocode-action.js';
import { readOrder } from './annotation-order.js';
import { createTagActions } from './tag-actions.js';

export type { TagPatch } from './tag-actions.js';

type Api = HostBridge['api'];

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

export interface CodingDeps {
  api: Api;
  queries: QueryClient;
  stack: UndoStack;
  own: OwnChanges;
  report(err: unknown): void;
  /** Remembers the tags of the last highlight made or tagged (what `h` applies). */
  rememberTags(ids: string[]): void;
}

export type CodingActions = ReturnType<typeof createCodingActions>;

export function createCodingActions({ api, queries, stack, own, report, rememberTags }: CodingDeps) {
  /** Changes run one after another, each reading the state the previous one left. */
  let queue: Promise<unknown> = Promise.resolve();
  /** The creates under way or done, by selection id (= the highlight's id); see createAnnotation. */
  const creating = new Map<string, Promise<PlacedAnnotation | null>>();

  const listed = (articleId: string) => queries.getQueryData<ListedAnnotation[]>(keys.annotations(articleId));
  const find = (articleId: string, id: string) => listed(articleId)?.find((a) => a.id === id);

  /** After a change or a failure: what may have changed is asked for again (active lists only). */
  const reloadAll = () => {
    void queries.invalidateQueries({ queryKey: keys.allArticleAnnotations });
    void queries.invalidateQueries({ queryKey: keys.tags });
    void queries.invalidateQueries({ queryKey: keys.articles });
    void queries.invalidateQueries({ queryKey: keys.highlightQueries });
    void queries.invalidateQueries({ queryKey: keys.storeProblems });
    // Each coder's highlight count: stale, not fetched again until a coder list is shown (a refetch
    // after every highlight would be one more request on coding's hot path).
    void queries.invalidateQueries({ queryKey: keys.coder, refetchType: 'none' });
  };

  /** Queues a step; errors are reported, never thrown, and what it may have changed is reloaded. */
  const run = <T>(step: () => Promise<Done<T>>, after?: () => void): Promise<T | null> => {
    const next = queue.then(async () => {
      try {
        const done = await step();
        if (!done) return null;
        if (done.entry) stack.push(done.entry);
        return done.result;
      } catch (err) {
        report(err);
        if (!after) reloadAll();
        return null;
      } finally {
        after?.();
      }
    });
    queue = next;
    return next;
  };

  /**
   * Takes the reply of a change to one of `articleId`'s highlights into the caches: its list, the
   * article's count in the library, the per-tag counts; library-wide lists reload if shown.
   */
  const applyChange = async (
    articleId: string,
    change: (list: ListedAnnotation[]) => ListedAnnotation[],
    countDelta: number,
  ) => {
    const key = keys.annotations(articleId);
    // A reload under way started before this change: its answer would undo it on screen.
    const stale = queries.isFetching({ queryKey: key }) > 0;
    if (stale) await queries.cancelQueries({ queryKey: key });
    queries.setQueryData<ListedAnnotation[]>(key, (list) => (list ? change(list) : list));
    if (stale) void queries.invalidateQueries({ queryKey: key });
    if (countDelta !== 0) {
      queries.setQueryData<ArticleList>(keys.articles, (list) =>
        list
          ? {
              ...list,
              articles: list.articles.map((a) =>
                a.id === articleId
                  ? { ...a, annotationCount: Math.max(0, a.annotationCount + countDelta) }
                  : a,
              ),
            }
          : list,
      );
      // Each coder's highlight count (the Analysis and Agreement coder lists), as above.
      void queries.invalidateQueries({ queryKey: keys.coder, refetchType: 'none' });
    }
    void queries.invalidateQueries({ queryKey: keys.tags });
    void queries.invalidateQueries({ queryKey: keys.highlightQueries });
  };

  /** A changed highlight in its list; its place is the host's to say (the next list). */
  const replaced = (changed: Annotation) => (list: ListedAnnotation[]) =>
    list.map((a) =>
      a.id === changed.id ? { ...a, ...listedFields(changed), quote: { exact: changed.quote.exact } } : a,
    );

  /** A new highlight of mine (made or copied) into its article's list, where the reader shows it. */
  const addToList = async (created: OwnedAnnotation) => {
    const { start, end } = created.position;
    const shown: ListedAnnotation = {
      ...listedFields(created),
      quote: { exact: created.quote.exact },
      status: 'exact',
      range: { start, end },
      coderId: created.coderId,
      coderName: created.coderName,
      mine: created.mine,
    };
    const isNew = !find(created.articleId, created.id);
    await applyChange(
      created.articleId,
      (list) => (isNew ? [...list, shown].sort(readOrder) : list),
      isNew ? 1 : 0,
    );
  };

  /** Sends one change of `articleId`'s highlights, expecting its echo (forgotten if it fails). */
  const send = async <T>(articleId: string, call: () => Promise<T>): Promise<T> => {
    own.expect(articleId);
    try {
      return await call();
    } catch (err) {
      own.cancel(articleId);
      throw err;
    }
  };

  // Undo and redo of a highlight change: each expects its echo like the change itself.
  const restore = async (a: Annotation) => {
    await send(a.articleId, () => api.restoreAnnotation({ annotation: storedAnnotation(a) }));
  };
  const remove = async (a: Pick<Annotation, 'articleId' | 'id'>) => {
    await send(a.articleId, () => api.deleteAnnotation({ articleId: a.articleId, id: a.id }));
  };
  const editEntry = (previous: Annotation, after: Annotation): UndoEntry => ({
    label: 'undo.edit',
    undo: () => restore(previous),
    redo: () => restore(after),
  });

  /** One update of a highlight, taken into the caches; null when the patch changes nothing. */
  const update = async (
    articleId: string,
    id: string,
    patch: Omit<AnnotationPatch, 'moveTo'>,
    moveTo?: PendingSelection,
  ) => {
    const { annotation: after, previous } = await send(articleId, () =>
      api.updateAnnotation({ articleId, id, ...patch, ...(moveTo ? placedAt(moveTo) : {}) }),
    );
    if (moveTo) {
      // Moved: where it now is on the text is the host's to say.
      void queries.invalidateQueries({ queryKey: keys.annotations(articleId) });
      void queries.invalidateQueries({ queryKey: keys.tags });
    } else await applyChange(articleId, replaced(after), 0);
    if (patch.tagIds && patch.tagIds.length > 0) rememberTags(patch.tagIds);
    return { after, entry: editEntry(previous, after) };
  };

  /** Adds a later draft for the same selection to the highlight it made (nothing if it adds nothing). */
  const extend = (created: PlacedAnnotation, draft: AnnotationDraft) =>
    run(async (): Promise<Done<PlacedAnnotation>> => {
      const now = find(created.articleId, created.id) ?? created;
      const tagIds = [...new Set([...now.tagIds, ...draft.tagIds])];
      const patch: AnnotationPatch = {};
      if (tagIds.length !== now.tagIds.length) patch.tagIds = tagIds;
      if (draft.note && draft.note !== now.note) patch.note = draft.note;
      if (draft.color !== null && draft.color !== now.color) patch.color = draft.color;
      if (Object.keys(patch).length === 0) return { result: created, entry: null };
      const { after, entry } = await update(created.articleId, created.id, patch);
      return { result: { ...created, ...after, placement: created.placement }, entry };
    });

  /**
   * Makes the selection's highlight. Called again for the same selection (a second key, a second
   * Ctrl+Enter, while the first is under way or after), it adds the draft's tags, and its note and
   * colour when given, to that one highlight: one selection, one highlight.
   */
  const createAnnotation = (
    selection: PendingSelection,
    draft: AnnotationDraft,
  ): Promise<PlacedAnnotation | null> => {
    const first = creating.get(selection.id);
    if (first) return first.then((created) => (created ? extend(created, draft) : null));
    const made = run(async (): Promise<Done<PlacedAnnotation>> => {
      // The selection's id goes with it: should this request reach the host twice, the second
      // returns the highlight the first stored.
      const created = await send(selection.articleId, () =>
        api.createAnnotation({
          id: selection.id,
          articleId: selection.articleId,
          ...placedAt(selection),
          ...draft,
        }),
      );
      await addToList(created);
      rememberTags(draft.tagIds);
      return {
        result: created,
        entry: { label: 'undo.create', undo: () => remove(created), redo: () => restore(created) },
      };
    });
    creating.set(selection.id, made);
    // A failed create may be tried again with the same id (the host would say if it was stored).
    void made.then((created) => {
      if (!created && creating.get(selection.id) === made) creating.delete(selection.id);
    });
    return made;
  };

  const updateAnnotation = (articleId: string, id: string, { moveTo, ...patch }: AnnotationPatch) =>
    run(async (): Promise<Done<Annotation>> => {
      if (!find(articleId, id)) return null;
      const { after, entry } = await update(articleId, id, patch, moveTo);
      return { result: after, entry };
    });

  const toggleTag = (articleId: string, id: string, tagId: string) =>
    run(async (): Promise<Done<Annotation>> => {
      const before = find(articleId, id);
      if (!before) return null;
      const tagIds = before.tagIds.includes(tagId)
        ? before.tagIds.filter((t) => t !== tagId)
        : [...before.tagIds, tagId];
      const { after, entry } = await update(articleId, id, { tagIds });
      return { result: after, entry };
    });

  const deleteAnnotation = async (articleId: string, id: string) =>
    (await run(async (): Promise<Done<true>> => {
      if (!find(articleId, id)) return null;
      const removed = await send(articleId, () => api.deleteAnnotation({ articleId, id }));
      await applyChange(articleId, (list) => list.filter((a) => a.id !== id), -1);
      return {
        result: true,
        entry: { label: 'undo.delete', undo: () => restore(removed), redo: () => remove(removed) },
      };
    })) === true;

  /**
   * Another coder's highlight copied into mine (same passage, tags, note and colour; a new id,
   * made here once, so a retry stores one copy). Undo deletes the copy; theirs is never touched.
   */
  const copyToMine = (articleId: string, id: string) =>
    run(async (): Promise<Done<OwnedAnnotation>> => {
      const theirs = find(articleId, id);
      if (!theirs || theirs.mine) return null;
      const copy = await send(articleId, () => api.copyAnnotationToMine({ articleId, id, newId: newId() }));
      await addToList(copy);
      return {
        result: copy,
        entry: { label: 'undo.copy', undo: () => remove(copy), redo: () => restore(copy) },
      };
    });

  // A tag's name, colour or place changes the codebook only; a delete or merge changes
  // highlights anywhere: then everything on screen reloads.
  const reloadCodebook = () => {
    void queries.invalidateQueries({ queryKey: keys.tags });
    void queries.invalidateQueries({ queryKey: keys.highlightQueries });
  };
  const tagStep = <T>(step: () => Promise<Done<T>>, reaches: 'codebook' | 'highlights') =>
    run(step, reaches === 'codebook' ? reloadCodebook : reloadAll);

  const tags = createTagActions({ api, queries, own, step: tagStep });

  /** Undo and redo replay entries of any kind: everything they may have touched reloads. */
  const travel = (move: () => Promise<UndoEntry | null>) =>
    run(async (): Promise<Done<UndoEntry | null>> => ({ result: await move(), entry: null }), reloadAll);

  return {
    /** Codes search hits in one batch (issue 19), one undo step. */
    autocode: (input: AutocodeInput) => run(() => autocodeStep(api, input), reloadAll),
    createAnnotation,
    updateAnnotation,
    toggleTag,
    deleteAnnotation,
    copyToMine,
    ...tags,
    undo: () => travel(() => stack.undo()),
    redo: () => travel(() => stack.redo()),
    /** Reloads the codebook and the open article's highlights (after an import, say). */
    reloadAll,
    /** Another article is open: its selections are new ones. */
    forgetCreates: () => creating.clear(),
  };
}
