/** Handlers of the export operations: export as text or to a file, reveal the file, import a JSON export. */
import { resolve } from 'node:path';
import { ApiError } from '../errors.js';
import type { OpParsedInput } from './contract.js';
import type { HandlersOf } from './define.js';
import type { exportContract } from './export-contract.js';
import { exportAbout } from './export-about.js';
import { requireSession } from './library-handlers.js';
import type { LibrarySession, ServiceContext } from './service-context.js';
import { countPlanned } from '../export/export-count.js';
import { collectExport } from '../export/export-run.js';
import { planExport } from '../export/export-scope.js';
import { importAnnotations } from '../export/import-annotations.js';
import { EXPORT_FILE_TYPES, exportFileName, startExport, type ExportRequest } from '../export/run-export.js';
import { writeStreamDurable } from '../files/durable-write.js';

type ExportInput = OpParsedInput<'exportAnnotations'>;
export type ExportHandlers = HandlersOf<typeof exportContract>;

async function exportText(ctx: ServiceContext, session: LibrarySession, input: ExportInput) {
  const request: ExportRequest = {
    format: input.format,
    scope: input.scope,
    layout: input.layout,
    context: input.context,
    bom: input.bom,
    ...(input.coders ? { coders: input.coders } : {}),
  };
  // The sets' problems are shown where the sets are listed; an export is no place to stop for them.
  const { about } = await exportAbout(session, ctx.version, input.format);
  return startExport(session, request, about);
}

export function exportHandlers(ctx: ServiceContext): ExportHandlers {
  // The renderer may name a file only if the user picked it with the native dialog in this run:
  // a compromised page must not be able to write, or reveal, any path it likes.
  const chosenPaths = new Set<string>();

  return {
    async countExport({ scope, coders }) {
      const session = requireSession(ctx);
      return countPlanned(session, await planExport(session, scope, coders));
    },

    async exportAnnotations(input) {
      const session = requireSession(ctx);
      const run = await exportText(ctx, session, input);
      const { content, encoding } = await collectExport(run.chunks);
      return {
        fileName: exportFileName(input.format, session.info.name, new Date(), input.layout),
        mimeType: EXPORT_FILE_TYPES[input.format].mimeType,
        content,
        ...(encoding === 'base64' ? { encoding } : {}),
      };
    },

    async exportAnnotationsToFile(input) {
      const session = requireSession(ctx);
      let target: string;
      if (input.path !== undefined) {
        target = resolve(input.path);
        if (!chosenPaths.has(target)) {
          throw new ApiError('invalid-input', 'Choose where to save the export with the save dialog.');
        }
      } else {
        if (!ctx.dialogs) {
          throw new ApiError(
            'invalid-input',
            'Saving to a file needs the desktop app; download the export instead.',
          );
        }
        const name = exportFileName(input.format, session.info.name, new Date(), input.layout);
        const picked = await ctx.dialogs.pickSaveFile(name, [EXPORT_FILE_TYPES[input.format].extension]);
        if (!picked) return null;
        target = resolve(picked);
        chosenPaths.add(target);
      }
      const run = await exportText(ctx, session, input);
      // The file appears whole or not at all (a failed export never leaves half a CSV behind).
      await writeStreamDurable(target, run.chunks);
      return { path: target, rows: run.rows };
    },

    async showInFolder({ path }) {
      if (!ctx.dialogs) return { shown: false };
      const target = resolve(path);
      if (!chosenPaths.has(target))
        throw new ApiError('invalid-input', 'Only an exported file can be shown.');
      ctx.dialogs.showInFolder(target);
      return { shown: true };
    },

    async importAnnotations({ json }) {
      const summary = await importAnnotations(requireSession(ctx), json);
      if (summary.tagsCreated.length) ctx.emit({ type: 'tags-changed' });
      if (summary.added || summary.updated || summary.memosAdded) {
        ctx.emit({ type: 'annotations-changed', articleId: null });
      }
      return summary;
    },
  };
}
