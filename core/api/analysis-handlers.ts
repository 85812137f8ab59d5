/**
 * Handlers of the analysis operations (issue 19): sets and samples, reports with their CSV, and
 * autocode. Each resolves its scope against the open library and hands the work to core/analysis;
 * the saved sets of a library are read and written through one SetStore per open library.
 */
import { resolve } from 'node:path';
import { applyAutocode, previewAutocode, type AutocodeSources } from '../analysis/autocode.js';
import { buildReport } from '../analysis/build-report.js';
import { drawSample } from '../analysis/draw-sample.js';
import { reportData, type ReportSources } from '../analysis/report-data.js';
import { ReportDataCache } from '../analysis/report-data-cache.js';
import { reportCsv } from '../analysis/report-table.js';
import type { ReportKind } from '../analysis/report-types.js';
import { byPath } from '../analysis/resolve-scope.js';
import { SetStore } from '../analysis/set-store.js';
import { ApiError } from '../errors.js';
import { datedFileName } from '../export/dated-file-name.js';
import { writeFileDurable } from '../files/durable-write.js';
import type { analysisContract } from './analysis-contract.js';
import { articleRef } from './annotation-handlers.js';
import type { OpParsedInput } from './contract.js';
import type { HandlersOf } from './define.js';
import { requireSession } from './library-handlers.js';
import type { LibrarySession, ServiceContext } from './service-context.js';

export type AnalysisHandlers = HandlersOf<typeof analysisContract>;

const setStores = new WeakMap<LibrarySession, SetStore>();
const reportCaches = new WeakMap<LibrarySession, ReportDataCache>();

/** The open library's saved sets (one store per open library). */
export function setStoreOf(session: LibrarySession): SetStore {
  let store = setStores.get(session);
  if (!store) {
    store = new SetStore({
      dataDir: session.annotations.dataDir,
      writer: () => session.annotations.writer,
      readOnly: () => session.annotations.readOnly?.reason ?? null,
    });
    setStores.set(session, store);
  }
  return store;
}

/** The open library's gathered report data, kept between views (one per open library). */
function reportCacheOf(session: LibrarySession): ReportDataCache {
  let cache = reportCaches.get(session);
  if (!cache) reportCaches.set(session, (cache = new ReportDataCache()));
  return cache;
}

/** What core/analysis reads from an open library. */
export function analysisSources(session: LibrarySession): AutocodeSources & ReportSources {
  const sets = setStoreOf(session);
  return {
    library: session.library,
    annotations: session.annotations,
    set: (name) => sets.get(name),
    articleRef: (summary) => articleRef(summary),
    cache: reportCacheOf(session),
  };
}

/** `<library>-<kind>-<date>.csv`, named like the highlight exports. */
function reportFileName(libraryName: string, kind: ReportKind): string {
  return datedFileName(libraryName, kind, 'csv');
}

export function analysisHandlers(ctx: ServiceContext): AnalysisHandlers {
  const report = async (input: Omit<OpParsedInput<'analysisCsv'>, 'bom'>) => {
    const session = requireSession(ctx);
    const data = await reportData(analysisSources(session), input.scope);
    return buildReport(data, input.kind, input.by);
  };

  // One event for a batch over many articles (null: "several"), so windows refetch once, not per article.
  const announce = (articleIds: string[]): void => {
    if (articleIds.length === 0) return;
    ctx.emit({ type: 'annotations-changed', articleId: articleIds.length === 1 ? articleIds[0]! : null });
  };

  return {
    analysisReport: (input) => report(input),

    async analysisCsv(input) {
      const session = requireSession(ctx);
      return {
        fileName: reportFileName(session.info.name, input.kind),
        mimeType: 'text/csv;charset=utf-8',
        content: reportCsv(await report(input), { bom: input.bom }),
      };
    },

    async analysisCsvToFile(input) {
      const session = requireSession(ctx);
      if (!ctx.dialogs)
        throw new ApiError(
          'invalid-input',
          'Saving to a file needs the desktop app; download the CSV instead.',
        );
      // Computed first: a bad scope says so before the save dialog opens.
      const csv = reportCsv(await report(input), { bom: input.bom });
      const picked = await ctx.dialogs.pickSaveFile(reportFileName(session.info.name, input.kind), ['csv']);
      if (!picked) return null;
      const path = resolve(picked);
      await writeFileDurable(path, csv);
      return { path };
    },

    listSets: async () => setStoreOf(requireSession(ctx)).list(),

    async saveSet(input) {
      const session = requireSession(ctx);
      // Library-path order, so a set reads the same wherever it is listed; unknown ids keep their place at the end.
      const listed = session.library.list().articles;
      const wanted = new Set(input.articleIds);
      const known = listed.filter((a) => wanted.has(a.id)).sort(byPath);
      const knownIds = new Set(known.map((a) => a.id));
      const ids = [...known.map((a) => a.id), ...[...wanted].filter((id) => !knownIds.has(id))];
      return setStoreOf(session).save(input.name, ids, input.sample ?? null);
    },

    deleteSet: async (input) => ({ deleted: await setStoreOf(requireSession(ctx)).delete(input.name) }),

    drawSample: async (input) => drawSample(analysisSources(requireSession(ctx)), input),

    autocodePreview: async (input) => previewAutocode(analysisSources(requireSession(ctx)), input),

    async autocodeApply(input) {
      const result = await applyAutocode(analysisSources(requireSession(ctx)), input);
      announce(result.createdByArticle.map((a) => a.articleId));
      return result;
    },

    async autocodeUndo(input) {
      const { annotations } = requireSession(ctx);
      let removed = 0;
      let missing = 0;
      for (const { articleId, annotationIds } of input.createdByArticle) {
        for (const id of annotationIds) {
          try {
            await annotations.remove(articleId, id);
            removed++;
          } catch (err) {
            if (!(err instanceof ApiError) || err.code !== 'not-found') throw err;
            missing++;
          }
        }
      }
      announce(input.createdByArticle.map((a) => a.articleId));
      return { removed, missing };
    },
  };
}
