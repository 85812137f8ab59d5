/**
 * API operations on who is coding: the current coder of this Gloss (a name and the id derived from
 * it), whether the first-run prompt was answered, and every coder whose writer folder the open
 * library holds (see docs/TEAMS.md and the store's writer folders).
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';
import type { Coder } from '../model.js';
import type { CoderSummary } from '../store/annotation-service.js';

export type { Coder, CoderSummary };

export interface CoderState {
  coder: Coder;
  /** The writer folder this Gloss writes to: `<coderId>.<installationId>`. */
  writerId: string;
  /** The first-run question was answered (a name given or the default kept). */
  asked: boolean;
  /** Every coder of the open library (empty without one), the current coder included. */
  coders: CoderSummary[];
}

export const coderContract = {
  getCoder: op<CoderState>()(z.object({}).strict()),
  /**
   * Switches who is coding: later highlights, memos and codebook changes go to that coder's writer
   * folder (others' highlights turn read-only here). Sets `asked`; emits `coders-changed`.
   */
  setCoder: op<CoderState>()(
    z
      .object({
        name: z
          .string()
          .max(LIMITS.name)
          .refine((n) => n.trim().length > 0, 'a name'),
      })
      .strict(),
  ),
  /** Keeps the default name and stops asking (sets `asked`). */
  skipCoderPrompt: op<CoderState>()(z.object({}).strict()),
};
