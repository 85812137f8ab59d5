/**
 * `Parent/Child` typed as a tag name, as the CLI reads it: the names along the path, and the tag
 * a name already stands for under a parent (compared as the codebook compares names: case and
 * width do not count, core/store/codebook.ts).
 */
import { LIMITS } from '../../../core/limits.js';
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

/** What is wrong with a typed name or path before it is sent: no name, or a name too long. */
export function tagPathProblem(typed: string): 'empty' | 'too-long' | null {
  const parts = splitTagPath(typed);
  if (parts.length === 0) return 'empty';
  return parts.some((p) => p.length > LIMITS.name) ? 'too-long' : null;
}

/** Whether every tag along the path exists already (under `parentId`): adding it adds nothing. */
export function tagPathExists(tags: readonly Tag[], parentId: string | null, typed: string): boolean {
  let at = parentId;
  for (const name of splitTagPath(typed)) {
    const found = childNamed(tags, at, name);
    if (!found) return false;
    at = found.id;
  }
  return true;
}
