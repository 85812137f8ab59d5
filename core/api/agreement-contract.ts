/**
 * API operations for inter-coder agreement (issue 18): every measure per code for the chosen coders,
 * codes and articles, with one code's per-article breakdown on request, and the table as CSV (text
 * for the browser to download, or a file chosen with the desktop's save dialog).
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { AgreementResult, ArticleAgreement } from '../agreement/index.js';
import type { ExportContent } from './export-contract.js';

export type { AgreementResult, ArticleAgreement };

export interface AgreementReport {
  result: AgreementResult;
  /** The per-article breakdown of `breakdownTagId`, when asked for. */
  breakdown: { tagId: string; articles: ArticleAgreement[] } | null;
}

const id = z.string().min(1).max(LIMITS.id);

/** What to compare: the same choices as `gloss agreement`. */
const agreementRequest = {
  /** Coder ids (or names), at least two, each once. */
  coders: z
    .array(id)
    .min(2, 'at least two coders')
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'each coder once'),
  /** Codes (tag ids); absent or empty: every code of the codebook. */
  tagIds: z.array(id).max(1000).optional(),
  /** A highlight carrying a sub-code counts as the code. */
  withChildren: z.boolean().default(false),
  /** Only articles in this folder (subfolders included); '' is the whole library. */
  folder: z.string().max(LIMITS.path).optional(),
  /** False: only the folder's own articles, none of its subfolders'. */
  subfolders: z.boolean().optional(),
  /** Only these articles. Without `folder` or `articleIds`: those every chosen coder annotated. */
  articleIds: z.array(id).min(1, 'at least one article').max(100_000).optional(),
  /** Segment-matching threshold (share of the longer segment), reported with the result. */
  overlap: z.number().gt(0).max(1).default(0.6),
};

export const agreementContract = {
  computeAgreement: op<AgreementReport>()(
    z.object({ ...agreementRequest, breakdownTagId: id.optional() }).strict(),
  ),
  /** The table as CSV text (one row per code), for the browser mode to download. */
  exportAgreementCsv: op<ExportContent>()(
    z.object({ ...agreementRequest, bom: z.boolean().default(true) }).strict(),
  ),
  /** Desktop: writes the CSV to a file chosen with the save dialog (null when cancelled). */
  exportAgreementCsvToFile: op<{ path: string } | null>()(
    z.object({ ...agreementRequest, bom: z.boolean().default(true) }).strict(),
  ),
};
