/**
 * The codebook as exports read it: tag paths (`Parent/Child`), sub-tag expansion for filters and
 * name-or-path lookup for the CLI, computed once from `listTags()` instead of one store read per tag.
 */
import { PATH_SEPARATOR } from '../store/codebook.js';
import type { Tag } from '../model.js';

/** The key two tag names share when people would call them the same (case, width, spacing). */
export function tagNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export class TagIndex {
  private readonly byId = new Map<string, Tag>();
  private readonly paths = new Map<string, string>();
  private readonly children = new Map<string | null, Tag[]>();

  constructor(readonly tags: readonly Tag[]) {
    for (const tag of tags) {
      this.byId.set(tag.id, tag);
      const siblings = this.children.get(tag.parentId) ?? [];
      siblings.push(tag);
      this.children.set(tag.parentId, siblings);
    }
  }

  get(id: string): Tag | undefined {
    return this.byId.get(id);
  }

  /** `Parent/Child`; an id the codebook does not know (yet) stands for itself, so nothing is lost. */
  path(id: string): string {
    const cached = this.paths.get(id);
    if (cached !== undefined) return cached;
    const parts: string[] = [];
    const seen = new Set<string>();
    for (let tag = this.byId.get(id); tag && !seen.has(tag.id); tag = this.parentOf(tag)) {
      seen.add(tag.id); // a hand-edited cycle stops here rather than looping
      parts.unshift(tag.name);
    }
    const path = parts.length ? parts.join(PATH_SEPARATOR) : id;
    this.paths.set(id, path);
    return path;
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }

  /** The given tags and everything below them. */
  subtree(ids: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const queue = [...ids];
    while (queue.length) {
      const id = queue.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      for (const child of this.children.get(id) ?? []) queue.push(child.id);
    }
    return out;
  }

  /** The tag at a path (`Parent/Child`), compared the way the codebook compares names. */
  findByPath(path: string): Tag | null {
    let parentId: string | null = null;
    let found: Tag | null = null;
    for (const part of path.split(PATH_SEPARATOR)) {
      const key = tagNameKey(part);
      found = (this.children.get(parentId) ?? []).find((t) => tagNameKey(t.name) === key) ?? null;
      if (!found) return null;
      parentId = found.id;
    }
    return found;
  }

  /** Every tag with this name anywhere in the tree (for a name given without its path). */
  findByName(name: string): Tag[] {
    const key = tagNameKey(name);
    return this.tags.filter((t) => tagNameKey(t.name) === key);
  }

  private parentOf(tag: Tag): Tag | undefined {
    return tag.parentId === null ? undefined : this.byId.get(tag.parentId);
  }
}
