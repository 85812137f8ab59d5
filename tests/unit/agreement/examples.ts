// Inputs shared by the agreement tests: two coders, code and highlight makers, and Krippendorff's
// unitizing example (2004, p. 254) laid out as a library of two articles.
import type { AgreementHighlight, AgreementInput } from '../../../core/agreement/compute-agreement.js';

export const coders = [
  { id: 'ann', name: 'Ann' },
  { id: 'bo', name: 'Bo' },
];
export const code = (id: string, path: string, descendantIds: string[] = []) => ({
  id,
  name: path.split('/').pop()!,
  path,
  descendantIds,
});
export const hl = (
  coderId: string,
  articleId: string,
  start: number,
  end: number,
  ...tagIds: string[]
): AgreementHighlight => ({
  coderId,
  articleId,
  start,
  end,
  tagIds,
});

/**
 * Krippendorff 2004, p. 254, as a library: the continuum 150-450 is two articles of 150 code points
 * ("p1" holds 150-300, "p2" 300-450; no unit of the example crosses 300), listed out of path order.
 */
export function krippendorffExample(): AgreementInput {
  const at = (coder: string, tag: string, start: number, length: number): AgreementHighlight => {
    const [article, base] = start >= 300 ? ['p2', 300] : ['p1', 150];
    return hl(coder, article, start - base, start - base + length, tag);
  };
  return {
    coders,
    articles: [
      { id: 'p2', path: 'b/second.md', length: 150 },
      { id: 'p1', path: 'a/first.md', length: 150 },
    ],
    highlights: [
      at('ann', 'c', 225, 70),
      at('ann', 'c', 370, 30),
      at('ann', 'k', 180, 60),
      at('ann', 'k', 300, 50),
      at('bo', 'c', 220, 80),
      at('bo', 'c', 355, 20),
      at('bo', 'c', 400, 20),
      at('bo', 'k', 180, 60),
      at('bo', 'k', 300, 50),
    ],
    codes: [code('c', 'c'), code('k', 'k')],
  };
}
