/**
 * What an export says about the library besides its highlights: its name, Gloss's version and,
 * for a REFI-QDA project, the saved sets (each a Set of the sources it holds, so a study's
 * samples survive the move to another QDA program). Shared by the API and `gloss export`.
 */
import type { SavedSet } from '../analysis/set-types.js';
import type { ExportAbout, ExportFormat } from '../export/run-export.js';
import type { ExportSet } from '../interop/collect-project.js';
import { setStoreOf } from './analysis-handlers.js';
import type { LibrarySession } from './service-context.js';

export interface ExportAboutRead {
  about: ExportAbout;
  /** Sets files that could not be read (their sets are left out), and names two writers saved. */
  problems: string[];
}

/** A sample says how it was drawn, so it can be drawn again; a hand-made set needs no description. */
function exportSet(set: SavedSet): ExportSet {
  const { sample } = set;
  return {
    name: set.name,
    articleIds: set.articleIds,
    ...(sample ? { description: `Random sample of ${sample.size} articles, seed ${sample.seed}` } : {}),
  };
}

export async function exportAbout(
  session: LibrarySession,
  version: string | undefined,
  format: ExportFormat,
): Promise<ExportAboutRead> {
  const about: ExportAbout = { libraryName: session.info.name, ...(version ? { version } : {}) };
  if (format !== 'qdpx') return { about, problems: [] };
  const { sets, problems } = await setStoreOf(session).list();
  return { about: { ...about, sets: sets.map(exportSet) }, problems };
}
