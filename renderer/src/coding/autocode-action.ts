/**
 * "Code hits…" as one undo step: the host codes the kept hits (one highlight each, as the current
 * coder); undo deletes exactly the highlights it made, redo codes the same hits again (new
 * highlights, which the next undo deletes).
 */
import type { AutocodeResult } from '../../../core/api/analysis-contract.js';
import type { GlossApi, OpInput } from '../../../core/api/contract.js';
import type { Done } from './undo-stack.js';

export type AutocodeInput = OpInput<'autocodeApply'>;

export async function autocodeStep(api: GlossApi, input: AutocodeInput): Promise<Done<AutocodeResult>> {
  const result = await api.autocodeApply(input);
  if (result.created === 0) return { result, entry: null };
  let made = result.createdByArticle;
  return {
    result,
    entry: {
      label: 'analysis.autocode.undoLabel',
      undo: async () => void (await api.autocodeUndo({ createdByArticle: made })),
      redo: async () => {
        made = (await api.autocodeApply(input)).createdByArticle;
      },
    },
  };
}
