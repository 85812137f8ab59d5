/**
 * Handlers of the agreement operations: gather the chosen coders' highlights from the open library
 * (core/agreement/agreement-session.ts), compute the measures (pure, core/agreement), and give the
 * table as CSV. The gathering reads article texts asynchronously; the measures are linear sweeps
 * (well under a second at 10,000 articles), so the host stays responsive.
 */
import { resolve } from 'node:path';
import { agreementInput, type AgreementRequest } from '../agreement/agreement-session.js';
import { agreementByArticle, agreementCsv, computeAgreement } from '../agreement/index.js';
import { ApiError } from '../errors.js';
import { datedFileName } from '../export/dated-file-name.js';
import { writeFileDurable } from '../files/durable-write.js';
import type { agreementContract } from './agreement-contract.js';
import type { OpParsedInput } from './contract.js';
import type { HandlersOf } from './define.js';
import { requireSession } from './library-handlers.js';
import type { ServiceContext } from './service-context.js';

export type AgreementHandlers = HandlersOf<typeof agreementContract>;

/** The request of the agreement measures (the review asks with the same fields). */
export function requestOf(input: Omit<OpParsedInput<'exportAgreementCsv'>, 'bom'>): AgreementRequest {
  return {
    coders: input.coders,
    tags: input.tagIds ?? [],
    withChildren: input.withChildren,
    ...(input.folder !== undefined ? { folder: input.folder } : {}),
    ...(input.subfolders === false ? { subfolders: false } : {}),
    articles: input.articleIds ?? [],
    overlap: input.overlap,
  };
}

/** `<library>-agreement-<date>.csv`, named like the highlight exports. */
function agreementFileName(libraryName: string): string {
  return datedFileName(libraryName, 'agreement', 'csv');
}

export function agreementHandlers(ctx: ServiceContext): AgreementHandlers {
  const csvOf = async (input: OpParsedInput<'exportAgreementCsv'>) => {
    const result = computeAgreement(await agreementInput(requireSession(ctx), requestOf(input)));
    return agreementCsv(result, { bom: input.bom });
  };

  return {
    async computeAgreement(input) {
      const data = await agreementInput(requireSession(ctx), requestOf(input));
      const result = computeAgreement(data);
      const tagId = input.breakdownTagId;
      if (tagId === undefined) return { result, breakdown: null };
      return { result, breakdown: { tagId, articles: agreementByArticle(data, tagId) } };
    },

    async exportAgreementCsv(input) {
      const session = requireSession(ctx);
      return {
        fileName: agreementFileName(session.info.name),
        mimeType: 'text/csv;charset=utf-8',
        content: await csvOf(input),
      };
    },

    async exportAgreementCsvToFile(input) {
      const session = requireSession(ctx);
      if (!ctx.dialogs)
        throw new ApiError(
          'invalid-input',
          'Saving to a file needs the desktop app; download the CSV instead.',
        );
      // Computed first: a bad choice of coders says so before the save dialog opens.
      const csv = await csvOf(input);
      const picked = await ctx.dialogs.pickSaveFile(agreementFileName(session.info.name), ['csv']);
      if (!picked) return null;
      const path = resolve(picked);
      await writeFileDurable(path, csv);
      return { path };
    },
  };
}
