/** The coder state as the API returns it (getCoder, setCoder), named for the renderer. */
import type { OpOutput } from '../../../core/api/contract.js';

export type CoderState = OpOutput<'getCoder'>;
export type CoderSummary = CoderState['coders'][number];
