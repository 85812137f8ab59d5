/**
 * Imports a REFI-QDA project (`.qdpx`) into the open library (issue 20):
 * 1. the ZIP and its XML are read as hostile input (read-qdpx.ts, parse-xml.ts);
 * 2. codes are merged into the codebook by name path (merge-codes.ts);
 * 3. each text source is read (BOM stripped, encoding detected), its selections' positions are
 *    read in the convention its text proves (offset-conventions.ts), and it is matched to a library
 *    article by its text (match-article.ts) or added as a new article under `imported/`;
 * 4. every selection is placed on the article's canonical text through Gloss's anchoring and
 *    verified against its quote (place-on-article.ts) — placed, approximate, or unplaced (stored
 *    for review when its text is known, so it shows under "Needs review");
 * 5. each coding becomes a highlight of its user, as a coder of its own (`restoreManyAs`: the
 *    `<coder>.import-<installation>` writer folder), with the codes as tags and the notes (the
 *    selection's `Description` and its `Note`s) as its note; notes on a source become that coder's
 *    memo on the article; variables go into a new article's front matter and into the report.
 * Highlight ids come from the selection GUIDs, so importing the same project twice writes nothing.
 * With `dryRun` nothing is written: no tags, no files, no highlights; the report is the same.
 */
import { ApiError } from '../../errors.js';
import type { ExportSession } from '../../export/export-scope.js';
import type { Coder } from '../../model.js';
import { coderIdOf } from '../../teams/coder.js';
import { xmlText } from './import-codebook.js';
import type { ImportFile } from './import-file.js';
import type { ImportContext } from './import-plan.js';
import type { ProjectImportReport } from './import-report.js';
import { importSource } from './import-source.js';
import { mergeCodes } from './merge-codes.js';
import { notePassagesBySource } from './note-passages.js';
import { parseXml } from './parse-xml.js';
import { readProject, type QdaProject } from './qda-project.js';
import { readQdpx } from './read-qdpx.js';
import { writePlans } from './write-plans.js';

export { MAX_PROJECT_BYTES } from './read-qdpx.js';

function emptyReport(file: ImportFile, project: QdaProject, dryRun: boolean): ProjectImportReport {
  return {
    fileName: file.fileName,
    projectName: project.name,
    origin: project.origin,
    dryRun,
    placed: 0,
    approximate: 0,
    approximateSelections: [],
    unplaced: [],
    newArticles: [],
    matchedArticles: [],
    coders: [],
    codes: { created: [], existing: [], renamed: [] },
    highlightsWritten: 0,
    notes: 0,
    memos: 0,
    variables: [],
    skippedSources: project.otherSources.map((s) => ({ source: s.name, kind: s.kind })),
    conventions: [],
    warnings: [],
  };
}

export async function importProject(
  session: ExportSession,
  file: ImportFile,
  opts: { dryRun: boolean },
): Promise<ProjectImportReport> {
  const store = session.annotations;
  if (!opts.dryRun && store.readOnly) throw new ApiError('read-only', store.readOnly.reason);
  const archive = readQdpx(file.bytes);
  const project = readProject(parseXml(xmlText(archive.qde, 'The project'), 'The project'));
  const report = emptyReport(file, project, opts.dryRun);
  report.warnings.push(...archive.warnings);
  await session.library.whenScanned();

  const { tagOf, report: codes } = await mergeCodes(store, project.codes, opts.dryRun);
  report.codes = codes;

  // Users become coders; what names no known user is the tool's ("NVivo", "QualCoder"…).
  const users = new Map(project.users.filter((u) => u.guid && u.name).map((u) => [u.guid, u.name]));
  const fallbackName = project.origin?.split(/\s+/)[0] || 'Imported';
  const coderOf = (...guids: (string | null)[]): Coder => {
    const name = guids.map((g) => (g ? users.get(g) : undefined)).find(Boolean) ?? fallbackName;
    return { id: coderIdOf(name), name };
  };
  const ctx: ImportContext = {
    session,
    archive,
    project,
    report,
    dryRun: opts.dryRun,
    tagOf,
    coderOf,
    taken: new Set(),
    plans: new Map(),
    unknownCodes: new Set(),
  };
  const noteSelections = notePassagesBySource(project, report);
  for (const source of project.sources)
    await importSource(ctx, source, noteSelections.get(source.guid) ?? []);
  if (ctx.unknownCodes.size)
    report.warnings.push(
      `Codings of codes missing from the codebook were left off: ${[...ctx.unknownCodes].join(', ')}`,
    );

  const coders = new Map<string, string>();
  for (const plan of ctx.plans.values()) {
    for (const { coder } of plan.highlights) coders.set(coder.id, coder.name);
    for (const { coder } of plan.memos.values()) coders.set(coder.id, coder.name);
  }
  report.coders = [...coders.values()].sort((a, b) => a.localeCompare(b));
  report.memos = [...ctx.plans.values()].reduce((n, p) => n + p.memos.size, 0);
  // QualCoder writes one selection per code applied: one place of one coder is one highlight.
  const oneSelectionPerCode = /qualcoder/i.test(project.origin ?? '');
  report.highlightsWritten = await writePlans(session, ctx.plans, opts.dryRun, oneSelectionPerCode);
  return report;
}
