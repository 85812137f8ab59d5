import type { ProjectImportReport } from './import-report.js';
import type { QdaNote, QdaProject, QdaSelection } from './qda-project.js';

/**
 * Notes that hold passages (QualCoder writes its annotations so) belong to the source that refers
 * to them; with one source, to it; otherwise they are reported.
 */
export function notePassagesBySource(
  project: QdaProject,
  report: ProjectImportReport,
): Map<string, { note: QdaNote; selection: QdaSelection }[]> {
  const out = new Map<string, { note: QdaNote; selection: QdaSelection }[]>();
  const claimed = new Set<string>();
  const give = (sourceGuid: string, note: QdaNote) => {
    claimed.add(note.guid);
    const list = out.get(sourceGuid) ?? [];
    list.push(...note.selections.map((selection) => ({ note, selection })));
    out.set(sourceGuid, list);
  };
  for (const source of project.sources) {
    for (const ref of source.noteGuids) {
      const note = project.notes.get(ref);
      if (note?.selections.length && !claimed.has(note.guid)) give(source.guid, note);
    }
  }
  for (const note of project.notes.values()) {
    if (!note.selections.length || claimed.has(note.guid)) continue;
    if (project.sources.length === 1) give(project.sources[0]!.guid, note);
    else
      for (const s of note.selections)
        report.unplaced.push({
          source: '',
          quote: s.name,
          reason: 'note-without-source',
          storedForReview: false,
        });
  }
  return out;
}
