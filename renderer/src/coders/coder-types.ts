/** The coder state as the API returns it (getCoder, setCoder), named for the renderer. */
import type { OpOutput } from '../../../core/api/contract.js';

export type CoderState = OpOutput<'getCoder'>;
export type CoderSummary = CoderState['coders'][number];

/**
 * The consensus coder of the disagreement review (core/teams/coder.ts's CONSENSUS_CODER_ID, which
 * the renderer cannot import: that module hashes names with node:crypto). Shown by its translated
 * name and never offered as someone to code as.
 */
export const CONSENSUS_CODER_ID = 'consensus';
