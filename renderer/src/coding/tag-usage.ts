/** How many highlights a tag's change touches: its own, and with its sub-tags (merge, delete). */
import type { Tag } from '../../../core/model.js';
import { withDescendants } from './tag-tree.js';

export function usedWithSubTags(
  tags: readonly Tag[],
  counts: ReadonlyMap<string, number>,
  id: string,
): number {
  let total = 0;
  for (const x of withDescendants(tags, id)) total += counts.get(x) ?? 0;
  return total;
}
