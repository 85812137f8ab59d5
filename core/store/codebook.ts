/**
 * The rules of the codebook (the tag tree), as pure functions on its file content: names unique
 * among siblings, no cycles, paths like `Parent/Child`, and merges and deletes recorded in
 * `retired` so annotations can be mapped to the surviving tags. Throws ApiError for bad requests.
 */
import { ApiError } from '../errors.js';
import { LIMITS } from '../limits.js';
import type { Tag } from '../model.js';
import { setOwn } from '../own-keys.js';
import { COLOR_PATTERN, nextPaletteColor } from './palette.js';
import type { CodebookFile } from './store-schema.js';

export const PATH_SEPARATOR = '/';

export interface NewTag {
  name: string;
  parentId?: string | null;
  color?: string | null;
  description?: string;
}

export interface TagPatch {
  name?: string;
  parentId?: string | null;
  color?: string;
  description?: string;
  /** A number key '1'–'9' or null; applied by the store (core/store/tag-keys.ts), not here. */
  key?: string | null;
}

function normalizeName(name: string): string {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!clean) throw new ApiError('invalid-input', 'A tag needs a name.');
  if (clean.includes(PATH_SEPARATOR))
    throw new ApiError('invalid-input', `A tag name cannot contain "${PATH_SEPARATOR}".`);
  if (clean.length > LIMITS.name) throw new ApiError('invalid-input', 'That tag name is too long.');
  return clean;
}

function checkColor(color: string): string {
  if (!COLOR_PATTERN.test(color))
    throw new ApiError('invalid-input', `"${color}" is not a colour like #E69F00.`);
  return color.toUpperCase();
}

/** Same name for people: case and width differences do not make two tags distinguishable. */
function sameName(a: string, b: string): boolean {
  return a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase();
}

export function getTag(book: CodebookFile, id: string): Tag {
  const tag = book.tags.find((t) => t.id === id);
  if (!tag) throw new ApiError('not-found', 'That tag no longer exists.');
  return tag;
}

export function childrenOf(book: CodebookFile, parentId: string | null): Tag[] {
  return book.tags.filter((t) => t.parentId === parentId);
}

/** The tag and all tags below it. */
export function subtreeIds(book: CodebookFile, id: string): string[] {
  const out = [id];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of childrenOf(book, out[i]!)) {
      // A hand-edited cycle must not loop forever.
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child.id);
    }
  }
  return out;
}

export function tagPath(book: CodebookFile, id: string): string {
  const parts: string[] = [];
  for (
    let tag: Tag | undefined = getTag(book, id);
    tag;
    tag = book.tags.find((t) => t.id === tag!.parentId)
  ) {
    parts.unshift(tag.name);
    if (parts.length > book.tags.length) break; // a hand-edited cycle: stop rather than loop
  }
  return parts.join(PATH_SEPARATOR);
}

export function findByPath(book: CodebookFile, path: string): Tag | null {
  let parentId: string | null = null;
  let found: Tag | null = null;
  for (const part of path.split(PATH_SEPARATOR).map((p) => p.trim())) {
    found = childrenOf(book, parentId).find((t) => sameName(t.name, part)) ?? null;
    if (!found) return null;
    parentId = found.id;
  }
  return found;
}

function checkSiblingName(
  book: CodebookFile,
  parentId: string | null,
  name: string,
  self: string | null,
): void {
  const clash = childrenOf(book, parentId).find((t) => t.id !== self && sameName(t.name, name));
  if (clash) throw new ApiError('conflict', `There is already a tag "${clash.name}" here.`);
}

export function createTag(book: CodebookFile, input: NewTag, id: string): Tag {
  const parentId = input.parentId ?? null;
  if (parentId !== null) getTag(book, parentId);
  const name = normalizeName(input.name);
  checkSiblingName(book, parentId, name, null);
  const tag: Tag = {
    id,
    name,
    parentId,
    color: input.color ? checkColor(input.color) : nextPaletteColor(book.tags.map((t) => t.color)),
    description: input.description ?? '',
  };
  book.tags.push(tag);
  return tag;
}

/** Rename, recolour, re-describe or move a tag. */
export function updateTag(book: CodebookFile, id: string, patch: TagPatch): Tag {
  const tag = getTag(book, id);
  const name = patch.name === undefined ? tag.name : normalizeName(patch.name);
  const parentId = patch.parentId === undefined ? tag.parentId : patch.parentId;
  if (parentId !== null) {
    getTag(book, parentId);
    if (subtreeIds(book, id).includes(parentId)) {
      throw new ApiError('conflict', 'A tag cannot be moved under itself or one of its sub-tags.');
    }
  }
  if (name !== tag.name || parentId !== tag.parentId) checkSiblingName(book, parentId, name, id);
  tag.name = name;
  tag.parentId = parentId;
  if (patch.color !== undefined) tag.color = checkColor(patch.color);
  if (patch.description !== undefined) tag.description = patch.description;
  return tag;
}

/**
 * Puts a tag back exactly as given, keeping its id (undo of a delete or merge): re-created if it is
 * gone, renamed/moved/recoloured back if it still exists, and taken out of `retired`, so highlights
 * that still name it show it again. Restore parents before children: a parent that is gone puts the
 * tag where the parent went (a merge), else at the top. Returns the tag as stored.
 */
export function restoreTag(book: CodebookFile, input: Tag): Tag {
  if (!input.id) throw new ApiError('invalid-input', 'A tag needs an id.');
  const name = normalizeName(input.name);
  const color = checkColor(input.color);
  let parentId = input.parentId;
  if (parentId !== null && !book.tags.some((t) => t.id === parentId)) {
    const survivor = Object.prototype.hasOwnProperty.call(book.retired, parentId)
      ? book.retired[parentId]!
      : null;
    parentId = survivor !== null && book.tags.some((t) => t.id === survivor) ? survivor : null;
  }
  if (parentId === input.id) throw new ApiError('conflict', 'A tag cannot be its own parent.');
  const existing = book.tags.find((t) => t.id === input.id);
  if (existing && parentId !== null && subtreeIds(book, existing.id).includes(parentId)) {
    throw new ApiError('conflict', 'A tag cannot be moved under itself or one of its sub-tags.');
  }
  checkSiblingName(book, parentId, name, input.id);
  const tag: Tag = existing ?? { id: input.id, name, parentId, color, description: '' };
  tag.name = name;
  tag.parentId = parentId;
  tag.color = color;
  tag.description = input.description;
  if (!existing) book.tags.push(tag);
  delete book.retired[input.id];
  return tag;
}

/** Points every retired id that led to `from` at `to` instead, so chains stay one step long. */
function retire(book: CodebookFile, from: string, to: string | null): void {
  for (const [key, value] of Object.entries(book.retired)) if (value === from) setOwn(book.retired, key, to);
  setOwn(book.retired, from, to);
}

/**
 * Merges `sourceId` into `targetId`: the source's sub-tags move under the target (a sub-tag with
 * the same name as one of the target's is merged into it, recursively). Returns every retired id.
 */
export function mergeTags(book: CodebookFile, sourceId: string, targetId: string): string[] {
  getTag(book, targetId);
  getTag(book, sourceId);
  if (sourceId === targetId) throw new ApiError('invalid-input', 'A tag cannot be merged into itself.');
  if (subtreeIds(book, sourceId).includes(targetId)) {
    throw new ApiError(
      'conflict',
      'A tag cannot be merged into one of its own sub-tags; move that sub-tag out first.',
    );
  }
  const retiredIds: string[] = [];
  const mergeInto = (from: string, into: string): void => {
    for (const child of childrenOf(book, from)) {
      const twin = childrenOf(book, into).find((t) => sameName(t.name, child.name));
      if (twin) mergeInto(child.id, twin.id);
      else child.parentId = into;
    }
    book.tags = book.tags.filter((t) => t.id !== from);
    retire(book, from, into);
    retiredIds.push(from);
  };
  mergeInto(sourceId, targetId);
  return retiredIds;
}

/** Deletes a tag with its sub-tags; returns the deleted ids. */
export function deleteTag(book: CodebookFile, id: string): string[] {
  getTag(book, id);
  const ids = subtreeIds(book, id);
  book.tags = book.tags.filter((t) => !ids.includes(t.id));
  for (const gone of ids) retire(book, gone, null);
  return ids;
}

/**
 * Maps an annotation's tag ids through merges and deletes: merged ids become the survivor, deleted
 * ones disappear, duplicates collapse. Unknown ids are kept (another process may have just made them).
 */
export function resolveTagIds(book: CodebookFile, tagIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of tagIds) {
    const resolved = Object.prototype.hasOwnProperty.call(book.retired, id) ? book.retired[id]! : id;
    if (resolved !== null && !out.includes(resolved)) out.push(resolved);
  }
  return out;
}

/** Tags in tree order (parents before children, siblings by name), for lists and exports. */
export function tagsInTreeOrder(book: CodebookFile): Tag[] {
  const out: Tag[] = [];
  const visit = (parentId: string | null): void => {
    const kids = childrenOf(book, parentId).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    for (const t of kids) {
      out.push(t);
      visit(t.id);
    }
  };
  visit(null);
  // Tags whose parent is missing (a hand edit) still show, at the end.
  for (const t of book.tags) if (!out.includes(t)) out.push(t);
  return out;
}
