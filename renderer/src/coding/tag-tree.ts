/** Tag tree helpers for the UI: depth and path of each tag, and type-ahead matching. */
import type { Tag } from '../../../core/model.js';

export interface TagRow {
  tag: Tag;
  depth: number;
  /** "Parent/Child" */
  path: string;
}

/** Tags in the order the API lists them (tree order), with depth and path. */
export function tagRows(tags: readonly Tag[]): TagRow[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const rows: TagRow[] = [];
  for (const tag of tags) {
    const names = [tag.name];
    let parent = tag.parentId ? byId.get(tag.parentId) : undefined;
    for (let guard = 0; parent && guard < 50; guard++) {
      names.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    rows.push({ tag, depth: names.length - 1, path: names.join('/') });
  }
  return rows;
}

/** Case- and width-insensitive, so "ＡＩ" finds "ai". */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim();
}

/** Rows whose name or path contains the query; names starting with it first. */
export function matchTags(rows: readonly TagRow[], query: string): TagRow[] {
  const q = foldName(query);
  if (!q) return [...rows];
  const hits = rows.filter((r) => foldName(r.path).includes(q));
  const starts = (r: TagRow) => (foldName(r.tag.name).startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b));
}

/** The ids of `id` and its descendants. */
export function withDescendants(tags: readonly Tag[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags)
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}
