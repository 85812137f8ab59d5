/**
 * The filter chosen in the Export dialog itself: codes (each with its sub-codes), a folder (with
 * its sub-folders) and a date range, the same filters as `gloss export --tag --folder --from --to`
 * and sent as the same scope, so the host plans it with the CLI's code (core/export/export-scope.ts).
 */
import type { ExportScope } from './export-settings.js';

export interface ChosenFilter {
  tagIds: readonly string[];
  /** '' is every folder. */
  folder: string;
  /** Inclusive days (YYYY-MM-DD), '' for open-ended. */
  from: string;
  to: string;
}

export const NO_CHOSEN_FILTER: ChosenFilter = { tagIds: [], folder: '', from: '', to: '' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The export scope for the chosen filter; tags the codebook no longer has are left out. */
export function scopeOfChosen(chosen: ChosenFilter, knownTag: (id: string) => boolean): ExportScope {
  const tagIds = chosen.tagIds.filter(knownTag);
  return {
    kind: 'filter',
    ...(tagIds.length ? { tagIds } : {}),
    ...(chosen.folder ? { folder: chosen.folder } : {}),
    ...(ISO_DAY.test(chosen.from) ? { from: chosen.from } : {}),
    ...(ISO_DAY.test(chosen.to) ? { to: chosen.to } : {}),
  };
}

/** True when both days are given and the first comes after the second (nothing could match). */
export function datesReversed(chosen: ChosenFilter): boolean {
  return ISO_DAY.test(chosen.from) && ISO_DAY.test(chosen.to) && chosen.from > chosen.to;
}

/** Ticking a code: on, or off again. */
export function toggleTag(chosen: ChosenFilter, id: string): ChosenFilter {
  const tagIds = chosen.tagIds.includes(id) ? chosen.tagIds.filter((t) => t !== id) : [...chosen.tagIds, id];
  return { ...chosen, tagIds };
}
