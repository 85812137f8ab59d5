/** Orders of highlights and tags the coding state keeps. */
import type { AnchoredAnnotation, Tag } from '../../../core/model.js';

/** Reading order: by place in the text (the longer of two starting together first); orphans last, oldest first. */
export function readOrder(a: AnchoredAnnotation, b: AnchoredAnnotation): number {
  if (!a.range || !b.range) return a.range ? -1 : b.range ? 1 : a.created.localeCompare(b.created);
  return a.range.start - b.range.start || b.range.end - a.range.end;
}

/** The tag and every tag below it, parents first. */
export function subtree(tags: readonly Tag[], id: string): Tag[] {
  const root = tags.find((t) => t.id === id);
  if (!root) return [];
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const t of tags) if (t.parentId === out[i]!.id) out.push(t);
  return out;
}
