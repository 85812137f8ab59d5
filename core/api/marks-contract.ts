/**
 * API operations on articles marked "coded" (issue 18): a coder marks an article done when they
 * have coded it (even with nothing to highlight), so agreement counts it for them. Stored per
 * writer (see core/store/done-marks-file.ts).
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';

export interface DoneMarks {
  /** The current coder's done articles. */
  mine: string[];
  /** Every coder's done articles, by coder id. */
  byCoder: Record<string, string[]>;
}

export const marksContract = {
  getDoneMarks: op<DoneMarks>()(z.object({}).strict()),
  /** Marks the article coded (or not) for the current coder; returns every mark after it. */
  setArticleDone: op<DoneMarks>()(
    z.object({ articleId: z.string().min(1).max(LIMITS.id), done: z.boolean() }).strict(),
  ),
};
