/**
 * Which colour a highlight is painted in: its own colour, else its first tag's, else the default.
 * Only #rrggbb colours count: a colour from a hand-edited store file goes into a style sheet rule.
 */
import type { Annotation, Tag } from '../../../core/model.js';
import { COLOR_PATTERN, OKABE_ITO } from '../../../core/store/palette.js';

export { OKABE_ITO };

/** Untagged highlights: the palette's yellow, the classic highlighter. */
export const DEFAULT_HIGHLIGHT_COLOR = '#F0E442';

export function colorOfAnnotation(
  a: Pick<Annotation, 'color' | 'tagIds'>,
  tagsById: ReadonlyMap<string, Tag>,
): string {
  if (a.color && COLOR_PATTERN.test(a.color)) return a.color;
  for (const id of a.tagIds) {
    const tag = tagsById.get(id);
    if (tag && COLOR_PATTERN.test(tag.color)) return tag.color;
  }
  return DEFAULT_HIGHLIGHT_COLOR;
}
