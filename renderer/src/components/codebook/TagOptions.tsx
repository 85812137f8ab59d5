/** The tags as <option>s by path ("Parent/Child"), for the codebook's parent and merge pickers. */
import type { TagRow } from '../../coding/tag-tree.js';

export function TagOptions({ rows }: { rows: readonly TagRow[] }) {
  return rows.map((r) => (
    <option key={r.tag.id} value={r.tag.id}>
      {r.path}
    </option>
  ));
}
