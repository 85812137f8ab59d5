/**
 * Number keys bound to tags (issue 15 item 6). Each tag may hold one key '1'–'9' in its `key`
 * field, stored with the codebook and merged field by field like its name. Rules:
 * - a new tag takes the lowest free key, if any; existing keys never shift;
 * - deleting a tag frees its key; giving a key to a tag moves it from the tag that held it;
 * - `null` means "no key" (absence cannot be recorded as a change in a writer's book);
 * - if merged edits leave two tags with one key, the earliest-created (first in the codebook's
 *   order) keeps it for the keyboard and the other is reported as a clash;
 * - a codebook from before keys (no tag has a `key` field) shows keys by tree order, and writes
 *   them on its first key-related change, so nothing a user knows shifts.
 */
import { z } from 'zod';
import type { CodebookFile } from './store-schema.js';
import type { Tag } from '../model.js';
import { createTag, restoreTag, tagsInTreeOrder, updateTag, type NewTag, type TagPatch } from './codebook.js';

export const TAG_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function isTagKey(value: unknown): value is string {
  return typeof value === 'string' && (TAG_KEYS as readonly string[]).includes(value);
}

export const tagKeySchema = z.string().max(1).refine(isTagKey, 'a tag key is one digit 1–9');

/** No tag has ever had a key: a codebook made before keys existed. */
function unkeyed(book: CodebookFile): boolean {
  return !book.tags.some((t) => Object.hasOwn(t, 'key'));
}

export interface KeyBindings {
  /** Tag id → the key that acts on it. */
  byTag: Map<string, string>;
  /** Tag id → the key it holds but loses to an earlier tag with the same key. */
  clashes: Map<string, string>;
}

export function keyBindings(book: CodebookFile): KeyBindings {
  const byTag = new Map<string, string>();
  const clashes = new Map<string, string>();
  if (unkeyed(book)) {
    tagsInTreeOrder(book)
      .slice(0, TAG_KEYS.length)
      .forEach((t, i) => byTag.set(t.id, TAG_KEYS[i]!));
    return { byTag, clashes };
  }
  const taken = new Set<string>();
  for (const t of book.tags) {
    if (!isTagKey(t.key)) continue;
    if (taken.has(t.key)) clashes.set(t.id, t.key);
    else {
      taken.add(t.key);
      byTag.set(t.id, t.key);
    }
  }
  return { byTag, clashes };
}

/** Writes the keys an unkeyed codebook shows into its tags, before a change that needs them. */
export function settleKeys(book: CodebookFile): void {
  if (!unkeyed(book)) return;
  const { byTag } = keyBindings(book);
  for (const t of book.tags) t.key = byTag.get(t.id) ?? null;
}

export function lowestFreeKey(book: CodebookFile): string | null {
  const held = new Set(keyBindings(book).byTag.values());
  return TAG_KEYS.find((k) => !held.has(k)) ?? null;
}

/** Gives `key` (or none) to the tag; any other tag holding that key loses it, in the same change. */
export function assignKey(book: CodebookFile, id: string, key: string | null): void {
  settleKeys(book);
  for (const t of book.tags) {
    if (t.id === id) t.key = key;
    else if (key !== null && t.key === key) t.key = null;
  }
}

/** createTag, and the new tag takes the lowest free key (existing keys stay where they are). */
export function createKeyedTag(book: CodebookFile, input: NewTag, id: string): Tag {
  settleKeys(book);
  const key = lowestFreeKey(book);
  const tag = createTag(book, input, id);
  tag.key = key;
  return tag;
}

/** updateTag, plus `patch.key` given to the tag (see assignKey). */
export function updateKeyedTag(book: CodebookFile, id: string, patch: TagPatch): Tag {
  // A rename or move changes the tree order that an unkeyed codebook's keys follow.
  settleKeys(book);
  const { key, ...rest } = patch;
  const tag = updateTag(book, id, rest);
  if (key !== undefined) assignKey(book, id, key);
  return tag;
}

/** restoreTag (undo of a delete): the tag takes its key back unless another tag took it meanwhile. */
export function restoreKeyedTag(book: CodebookFile, input: Tag): Tag {
  settleKeys(book);
  const held = [...keyBindings(book).byTag].some(([id, k]) => id !== input.id && k === input.key);
  const tag = restoreTag(book, input);
  tag.key = isTagKey(input.key) && !held ? input.key : (tag.key ?? null);
  delete tag.keyClash;
  return tag;
}
