/**
 * What the user can do to the codebook, and the undo entry each leaves: create, edit, delete and
 * merge tags. A delete or merge changes highlights anywhere; its undo puts the tags back with their
 * ids, then the highlights as they were. Each runs as a step of the coding queue (coding-actions.ts).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Annotation, Tag } from '../../../core/model.js';
import type { HostBridge } from '../api/api-client.js';
import type { TagRemoval } from '../../../core/api/annotation-contract.js';
import { MAX_RESTORE_BATCH } from '../../../core/limits.js';
import { storedAnnotation } from '../../../core/stored-annotation.js';
import { keys } from '../data/query-keys.js';
import type { TagList } from '../data/queries.js';
import { subtree } from './annotation-order.js';
import { childNamed, splitTagPath } from './tag-path.js';
import type { Done } from './undo-stack.js';
import { CODEBOOK, type OwnChanges } from '../data/own-changes.js';

export interface TagPatch {
  name?: string;
  parentId?: string | null;
  color?: string;
  description?: string;
  /** A number key '1'–'9', or null for none; taken from the tag that held it. */
  key?: string | null;
}

interface NewTagInput {
  name: string;
  parentId?: string | null;
  color?: string;
  description?: string;
}

interface TagDeps {
  api: HostBridge['api'];
  queries: QueryClient;
  own: OwnChanges;
  /** Runs a change after the ones before it, records its undo entry, reloads what it reaches. */
  step<T>(run: () => Promise<Done<T>>, reaches: 'codebook' | 'highlights'): Promise<T | null>;
}

export function createTagActions({ api, queries, own, step: tagStep }: TagDeps) {
  /** A change of the codebook alone, whose echo (`tags-changed`) the window expects. */
  const codebookOnly = async <T>(call: () => Promise<T>): Promise<T> => {
    own.expect(CODEBOOK);
    try {
      return await call();
    } catch (err) {
      own.cancel(CODEBOOK);
      throw err;
    }
  };
  const edit = async (patch: TagPatch & { id: string }) => {
    await codebookOnly(() => api.updateTag(patch));
  };

  const createOneTag = (input: NewTagInput) =>
    tagStep(async (): Promise<Done<Tag>> => {
      const tag = await codebookOnly(() => api.createTag(input));
      return {
        result: tag,
        entry: {
          label: 'undo.createTag',
          undo: () => api.deleteTag({ id: tag.id }).then(() => undefined),
          // The tag comes back with its id, so later history entries still name it.
          redo: () => api.restoreTag({ tag }).then(() => undefined),
        },
      };
    }, 'codebook');

  const tagList = () => queries.getQueryData<TagList>(keys.tags);

  /**
   * Creates a tag; a name typed as a path (`Parent/Child`) finds or creates each tag along it, as
   * the CLI does, and the colour and description go to the last one. Null when a step failed.
   */
  const createTag = async (input: NewTagInput): Promise<Tag | null> => {
    const parts = splitTagPath(input.name);
    // One name with stray slashes ('Frames/') is that name, as the CLI reads it.
    if (parts.length <= 1) return createOneTag(parts.length === 1 ? { ...input, name: parts[0]! } : input);
    let parentId = input.parentId ?? null;
    let tag: Tag | null = null;
    for (const [i, name] of parts.entries()) {
      const last = i === parts.length - 1;
      tag =
        childNamed(tagList()?.tags ?? [], parentId, name) ??
        (await createOneTag(last ? { ...input, name, parentId } : { name, parentId }));
      if (!tag) return null;
      parentId = tag.id;
    }
    return tag;
  };

  const updateTag = async (id: string, patch: TagPatch) => {
    const before = tagList()?.tags.find((t) => t.id === id);
    if (!before) return;
    await tagStep(async (): Promise<Done<undefined>> => {
      await edit({ id, ...patch });
      const back: TagPatch = {};
      if (patch.name !== undefined) back.name = before.name;
      if (patch.color !== undefined) back.color = before.color;
      if (patch.description !== undefined) back.description = before.description;
      if (patch.parentId !== undefined) back.parentId = before.parentId;
      if (patch.key !== undefined) back.key = before.key ?? null;
      return {
        result: undefined,
        entry: {
          label: 'undo.editTag',
          undo: () => edit({ id, ...back }),
          redo: () => edit({ id, ...patch }),
        },
      };
    }, 'codebook');
  };

  /**
   * The highlights a delete or merge of `id` will change, read beforehand only when there may be
   * more than a TagRemoval's `previous` holds (the tag's counts, sub-tags included, say so).
   */
  const snapshotIfLarge = async (id: string): Promise<Annotation[] | null> => {
    const list = tagList();
    let upperBound = 0;
    for (const tag of subtree(list?.tags ?? [], id)) upperBound += list?.counts.get(tag.id) ?? 0;
    if (upperBound <= MAX_RESTORE_BATCH) return null;
    const affected: Annotation[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await api.listAllAnnotations({ tagIds: [id], offset, limit: 5000 });
      affected.push(...page.items.map(storedAnnotation));
      if (affected.length >= page.total || page.items.length === 0) break;
    }
    return affected;
  };

  /** Undo of a delete or merge: the tags back with their ids (parents first), then the highlights. */
  const putBack = async (removal: TagRemoval, snapshot: Annotation[] | null) => {
    for (const tag of removal.previousTags) await api.restoreTag({ tag });
    const before = removal.previousTruncated && snapshot ? snapshot : removal.previous.map(storedAnnotation);
    for (let i = 0; i < before.length; i += MAX_RESTORE_BATCH) {
      await api.restoreAnnotations({ annotations: before.slice(i, i + MAX_RESTORE_BATCH) });
    }
  };

  const removeTagWithUndo = async (id: string, removeTag: () => Promise<TagRemoval>, label: string) => {
    await tagStep(async (): Promise<Done<undefined>> => {
      let snapshot = await snapshotIfLarge(id);
      let removal = await removeTag();
      return {
        result: undefined,
        entry: {
          label,
          undo: () => putBack(removal, snapshot),
          redo: async () => {
            snapshot = await snapshotIfLarge(id);
            removal = await removeTag();
          },
        },
      };
    }, 'highlights');
  };

  const deleteTag = (id: string) => removeTagWithUndo(id, () => api.deleteTag({ id }), 'undo.deleteTag');
  const mergeTags = (sourceId: string, targetId: string) =>
    removeTagWithUndo(sourceId, () => api.mergeTags({ sourceId, targetId }), 'undo.mergeTags');

  return { createTag, updateTag, deleteTag, mergeTags };
}
