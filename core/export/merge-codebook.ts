/**
 * Brings an imported codebook into the open library's: tags are matched by path (`Parent/Child`,
 * compared the way the codebook compares names), missing ones are created under their matched
 * parents with the file's colour and description, existing ones are left as they are.
 */
import { ApiError } from '../errors.js';
import type { Tag } from '../model.js';
import type { AnnotationService } from '../store/annotation-service.js';
import { PATH_SEPARATOR } from '../store/codebook.js';
import { tagNameKey } from './tag-index.js';
import type { GlossTagEntry } from './web-annotation-format.js';

export interface CodebookMerge {
  /** File tag id → tag id in this library. */
  tagMap: Map<string, string>;
  /** Paths of the tags that were created. */
  created: string[];
}

/** Parents before children (the file's tree is known to be acyclic: the schema checked it). */
function parentsFirst(tags: readonly GlossTagEntry[]): GlossTagEntry[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const depth = (t: GlossTagEntry): number => {
    let d = 0;
    for (let p = t.parentId; p !== null; p = byId.get(p)?.parentId ?? null) d++;
    return d;
  };
  return tags
    .map((tag, i) => ({ tag, d: depth(tag), i }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.tag);
}

function childKey(parentId: string | null, name: string): string {
  return `${parentId ?? ''}\u0000${tagNameKey(name)}`;
}

export async function mergeCodebook(
  annotations: AnnotationService,
  fileTags: readonly GlossTagEntry[],
): Promise<CodebookMerge> {
  const local = new Map<string, Tag>();
  const learn = (tags: readonly Tag[]) => tags.forEach((t) => local.set(childKey(t.parentId, t.name), t));
  learn(await annotations.listTags());
  const tagMap = new Map<string, string>();
  const paths = new Map<string, string>();
  const created: string[] = [];

  for (const tag of parentsFirst(fileTags)) {
    const parentId = tag.parentId === null ? null : tagMap.get(tag.parentId)!;
    const path = tag.parentId === null ? tag.name : `${paths.get(tag.parentId)}${PATH_SEPARATOR}${tag.name}`;
    paths.set(tag.id, path);
    let match = local.get(childKey(parentId, tag.name));
    if (!match) {
      try {
        match = await annotations.createTag({
          name: tag.name,
          parentId,
          color: tag.color,
          description: tag.description,
        });
        created.push(path);
      } catch (err) {
        // Another window may have just created the same tag: use it.
        if (!(err instanceof ApiError && err.code === 'conflict')) throw err;
        learn(await annotations.listTags());
        match = local.get(childKey(parentId, tag.name));
        if (!match) throw err;
      }
      local.set(childKey(parentId, match.name), match);
    }
    tagMap.set(tag.id, match.id);
  }
  return { tagMap, created };
}
