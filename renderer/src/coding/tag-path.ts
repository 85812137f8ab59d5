/**
 * `Parent/Child` typed as a tag name, as the CLI reads it: the names along the path, and the tag
 * a name already stands for under a parent (compared as the codebook compares names: case and
 * width do not count, core/store/codebook.ts).
 */
import type { Tag } from '../../../core/model.js';

/** The non-empty names of a typed path ('A / B' → ['A', 'B']); one name when there is no '/'. */
export function splitTagPath(typed: string): string[] {
  return typed
    .split('/')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const key = (name: string): string => name.normalize('NFKC').toLowerCase();

/** The tag called `name` directly under `parentId`, if there is one. */
export function childNamed(tags: readonly Tag[], parentId: string | null, name: string): Tag | undefined {
  const k = key(name);
  return tags.find((t) => t.parentId === parentId && key(t.name) === k);
}
