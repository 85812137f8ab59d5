/**
 * Gloss's codebook as REFI-QDA codes: one `Code` per tag, nested as the tags are, each codable,
 * with its colour (`#RRGGBB`) and description. Shared by the project (`.qdpx`) and the codebook
 * (`.qdc`) exports, so a tag has the same GUID in both.
 */
import type { Tag } from '../model.js';
import { COLOR_PATTERN } from '../store/palette.js';
import { refiGuid } from './refi-guids.js';
import type { RefiCode } from './refi-model.js';

/** The GUID of a tag's code. */
export const codeGuid = (tagId: string): string => refiGuid('code', tagId);

/**
 * The codes of `tags`, in their order, as a forest. A tag whose parent is unknown, or that sits in
 * a hand-edited cycle, is put at the top level rather than lost.
 */
export function codesFromTags(tags: readonly Tag[]): RefiCode[] {
  const known = new Set(tags.map((t) => t.id));
  const children = new Map<string | null, Tag[]>();
  for (const tag of tags) {
    const parent = tag.parentId !== null && known.has(tag.parentId) ? tag.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  const placed = new Set<string>();
  const build = (tag: Tag): RefiCode => {
    placed.add(tag.id);
    return {
      guid: codeGuid(tag.id),
      name: tag.name,
      ...(COLOR_PATTERN.test(tag.color) ? { color: tag.color.toUpperCase() } : {}),
      description: tag.description,
      children: (children.get(tag.id) ?? []).filter((c) => !placed.has(c.id)).map(build),
    };
  };
  const roots = (children.get(null) ?? []).map(build);
  for (const tag of tags) if (!placed.has(tag.id)) roots.push(build(tag));
  return roots;
}
