/**
 * The REFI-QDA exports as export runs: `.qdpx` (the project: a ZIP of `project.qde` and the
 * articles' texts under `sources/`) and `.qdc` (the codebook alone). The project's texts are
 * compressed and streamed out article by article; `project.qde` is written last, when every
 * source, user and variable is known.
 */
import { exportArticles } from '../export/export-articles.js';
import type { ExportRun } from '../export/export-run.js';
import type { ExportPlan, ExportSession } from '../export/export-scope.js';
import { codebookXml } from './codebook-xml.js';
import { codesFromTags } from './codebook-codes.js';
import { ProjectCollector, type ExportSet, type SkippedCounts } from './collect-project.js';
import { projectXmlChunks } from './project-xml.js';
import { QdpxZipWriter } from './qdpx-zip.js';
import { refiOrigin } from './refi-model.js';

export interface RefiExportOptions {
  /** The project's name (the library's). */
  name?: string;
  /** Gloss's version, for the `origin` attribute. */
  version?: string;
  now?: Date;
  /** Saved sets, exported as Sets of the sources they contain. */
  sets?: readonly ExportSet[];
}

export interface QdpxRun extends ExportRun {
  /** What the project could not hold; final once drained. */
  readonly skipped: SkippedCounts;
}

export function qdpxExport(
  session: ExportSession,
  plan: ExportPlan,
  options: RefiExportOptions = {},
): QdpxRun {
  const now = options.now ?? new Date();
  const collector = new ProjectCollector(session, plan.tags.tags, {
    projectName: options.name ?? 'Gloss',
    ...(options.version ? { version: options.version } : {}),
    now,
  });
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const zip = new QdpxZipWriter(now);
    for await (const entry of exportArticles(session, plan, { memos: true })) {
      const source = await collector.add(entry);
      if (!source) continue;
      zip.add(source.file, source.text);
      yield* zip.take();
    }
    yield* zip.addPieces('project.qde', projectXmlChunks(await collector.finish(options.sets)));
    zip.end();
    yield* zip.take();
  }
  return {
    chunks: chunks(),
    get rows() {
      return collector.selections;
    },
    get skipped() {
      return collector.skipped;
    },
  };
}

/** The codebook as a `.qdc` document (the scope does not apply: the whole codebook goes out). */
export function qdcExport(plan: ExportPlan, options: RefiExportOptions = {}): ExportRun {
  let rows = 0;
  async function* chunks(): AsyncGenerator<string> {
    const xml = codebookXml(codesFromTags(plan.tags.tags), refiOrigin(options.version));
    rows = plan.tags.tags.length;
    yield xml;
  }
  return {
    chunks: chunks(),
    get rows() {
      return rows;
    },
  };
}
