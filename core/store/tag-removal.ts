/**
 * Merging or deleting a tag: the codebook change and the rewrite of the highlights that named the
 * retired tags, each capturing the state before it so undo can put it back.
 */
import { ApiError } from '../errors.js';
import { MAX_RESTORE_BATCH } from '../limits.js';
import type { Annotation, Tag } from '../model.js';
import { storedAnnotation } from '../stored-annotation.js';
import { resolveTagIds, subtreeIds } from './codebook.js';
import type { TagRemoval } from './service-types.js';
import type { StoreFiles } from './store-files.js';
import { settleKeys } from './tag-keys.js';
import type { CodebookFile } from './store-schema.js';

/** Tries of a tag merge or delete whose codebook changed between its checks and its write. */
const REMOVE_TAG_ATTEMPTS = 3;

/** Thrown inside the codebook's lock to drop a merge or delete whose checks are outdated. */
class PlanChanged extends Error {}

/**
 * A merge or delete of `id`'s subtree: the codebook change, then the highlights' rewrite, each
 * recording the state before under the same lock as the change. All or nothing up front: bad
 * requests, and article files that would need rewriting but come from a newer Gloss, are refused
 * before anything is written.
 */
export async function removeTags(
  store: StoreFiles,
  id: string,
  change: (book: CodebookFile) => string[],
): Promise<TagRemoval> {
  for (let attempt = 1; ; attempt++) {
    store.assertWritable();
    const current = await store.readCodebook();
    store.assertWritable();
    // A dry run: throws for an unknown tag or a bad merge, and says which ids would go.
    const planned = new Set(change(structuredClone(current)));
    await assertTagFilesWritable(store, planned);
    let before: CodebookFile | null = null;
    let previousTags: Tag[] = [];
    let retiredTagIds: string[];
    try {
      retiredTagIds = await store.updateCodebook((book) => {
        // An unkeyed codebook's keys follow tree order: fixed first, so the others keep theirs.
        settleKeys(book);
        const snapshot = structuredClone(book);
        const retired = change(book);
        // Changed meanwhile by another process: the files checked may not be all that are affected.
        if (retired.some((r) => !planned.has(r))) throw new PlanChanged();
        before = snapshot;
        // Parents first (subtreeIds is breadth-first): the order undo restores them in.
        previousTags = subtreeIds(snapshot, id)
          .flatMap((tagId) => snapshot.tags.filter((t) => t.id === tagId))
          .filter((t) => {
            const now = book.tags.find((x) => x.id === t.id);
            return !now || now.parentId !== t.parentId;
          })
          .map((t) => ({
            id: t.id,
            name: t.name,
            parentId: t.parentId,
            color: t.color,
            description: t.description,
            ...(t.key !== undefined ? { key: t.key } : {}),
          }));
        return retired;
      });
    } catch (err) {
      if (!(err instanceof PlanChanged)) throw err;
      if (attempt >= REMOVE_TAG_ATTEMPTS) {
        throw new ApiError('conflict', 'The codebook kept changing in another window; try again.');
      }
      continue;
    }
    const rewrite = await rewriteRetiredTags(store, retiredTagIds, before!);
    return { retiredTagIds, previousTags, ...rewrite };
  }
}

/**
 * Refuses (read-only) a merge or delete of `tagIds` when a file naming one of them cannot be
 * rewritten because a newer Gloss wrote it: the codebook would change but that file could not.
 */
async function assertTagFilesWritable(store: StoreFiles, tagIds: ReadonlySet<string>): Promise<void> {
  await store.ensureIndex();
  for (const entry of store.index.values()) {
    if (!entry.readOnly || !entry.tagSets.some((set) => set.some((t) => tagIds.has(t)))) continue;
    throw new ApiError(
      'read-only',
      `Highlights of article ${entry.articleId} use this tag, but its annotation file was written by ` +
        'a newer version of Gloss and cannot be changed here. Nothing was changed; update Gloss to ' +
        'delete or merge this tag.',
    );
  }
}

/**
 * Rewrites the files that still name retired tags. Readers map through `retired` anyway, so this
 * is housekeeping that may be interrupted; it returns how many highlights changed and (up to
 * MAX_RESTORE_BATCH) how they were, tags as `before` showed them.
 */
async function rewriteRetiredTags(
  store: StoreFiles,
  retired: readonly string[],
  before: CodebookFile,
): Promise<Pick<TagRemoval, 'annotationsChanged' | 'previous' | 'previousTruncated'>> {
  const gone = new Set(retired);
  await store.ensureIndex(true);
  const book = await store.readCodebook();
  const affected = [...store.index.values()].filter((e) =>
    e.tagSets.some((s) => s.some((id) => gone.has(id))),
  );
  const previous: Annotation[] = [];
  let changed = 0;
  for (const entry of affected) {
    try {
      changed += await store.updateArticle(
        entry.articleId,
        (doc) => {
          let n = 0;
          for (const a of doc.annotations) {
            if (!a.tagIds.some((id) => gone.has(id))) continue;
            if (previous.length < MAX_RESTORE_BATCH)
              previous.push({ ...storedAnnotation(a), tagIds: resolveTagIds(before, a.tagIds) });
            a.tagIds = resolveTagIds(book, a.tagIds);
            n++;
          }
          return n;
        },
        (n) => n > 0,
      );
    } catch (err) {
      // A newer Gloss wrote this file after removeTags checked: leave it (readers map its old ids
      // through `retired`) rather than stop half-way with the codebook changed and no undo data.
      if (!(err instanceof ApiError && err.code === 'read-only') || store.readOnly) throw err;
    }
  }
  return { annotationsChanged: changed, previous, previousTruncated: changed > previous.length };
}
