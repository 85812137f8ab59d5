/**
 * Which colour a highlight is painted in: its own colour, else its first known tag's, else the
 * default. Every colour passes the safe-colour gate (`safe-color.ts`): it goes into a style sheet
 * rule and into inline styles.
 */
import type { Annotation, Tag } from '../../../core/model.js';
import { OKABE_ITO } from '../../../core/store/palette.js';
import { DEFAULT_HIGHLIGHT_COLOR, isSafeColor, tagColor } from './safe-color.js';

export { OKABE_ITO, DEFAULT_HIGHLIGHT_COLOR };

export function colorOfAnnotation(
  a: Pick<Annotation, 'color' | 'tagIds'>,
  tagsById: ReadonlyMap<string, Tag>,
): string {
  if (isSafeColor(a.color)) return a.color;
  for (const id of a.tagIds) {
    const tag = tagsById.get(id);
    // The tag's swatch colour, so a highlight and its tag's swatch always match.
    if (tag) return tagColor(tag);
  }
  return DEFAULT_HIGHLIGHT_COLOR;
}
