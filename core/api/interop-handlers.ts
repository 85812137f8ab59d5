/**
 * Handlers of the REFI-QDA import operations. A path is read only if the user chose it with the
 * native open dialog in this run (as exports are written only to paths chosen with the save
 * dialog): a compromised page must not be able to make Gloss read any file it names.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ApiError } from '../errors.js';
import type { HandlersOf } from './define.js';
import type { InteropOpInput, interopContract } from './interop-contract.js';
import { requireSession } from './library-handlers.js';
import type { ServiceContext } from './service-context.js';
import { importProject, MAX_PROJECT_BYTES } from '../interop/import/import-project.js';
import { importCodebookFile } from '../interop/import/import-codebook.js';
import type { ImportFile } from '../interop/import/import-file.js';

export type InteropHandlers = HandlersOf<typeof interopContract>;

const EXTENSIONS = { qdpx: ['qdpx'], qdc: ['qdc'] } as const;

export function interopHandlers(ctx: ServiceContext): InteropHandlers {
  const chosenPaths = new Set<string>();

  async function fileOf(input: InteropOpInput<'importProject'>): Promise<ImportFile> {
    if ('bytes' in input) {
      const bytes = Buffer.from(input.bytes, 'base64');
      return {
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        fileName: input.fileName,
      };
    }
    const path = resolve(input.path);
    if (!chosenPaths.has(path))
      throw new ApiError('invalid-input', 'Choose the file to import with the open dialog.');
    const size = await stat(path).then(
      (s) => s.size,
      () => -1,
    );
    if (size < 0) throw new ApiError('not-found', `Cannot read ${path}.`);
    if (size > MAX_PROJECT_BYTES)
      throw new ApiError(
        'invalid-input',
        `The file is larger than Gloss imports (${MAX_PROJECT_BYTES / 2 ** 20} MB).`,
      );
    const bytes = await readFile(path);
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      fileName: basename(path),
    };
  }

  return {
    async pickInteropFile({ kind }) {
      if (!ctx.dialogs?.pickOpenFile) {
        throw new ApiError(
          'invalid-input',
          'Choosing a file needs the desktop app; upload the file instead.',
        );
      }
      const picked = await ctx.dialogs.pickOpenFile([...EXTENSIONS[kind]]);
      if (!picked) return null;
      const path = resolve(picked);
      chosenPaths.add(path);
      return { path, fileName: basename(path) };
    },

    async importProject(input) {
      const session = requireSession(ctx);
      const report = await importProject(session, await fileOf(input), { dryRun: input.dryRun });
      if (!report.dryRun) {
        if (report.codes.created.length) ctx.emit({ type: 'tags-changed' });
        if (report.highlightsWritten || report.memos)
          ctx.emit({ type: 'annotations-changed', articleId: null });
        if (report.coders.length) ctx.emit({ type: 'coders-changed' });
      }
      return report;
    },

    async importCodebook(input) {
      const session = requireSession(ctx);
      const report = await importCodebookFile(session.annotations, await fileOf(input), {
        dryRun: input.dryRun,
      });
      if (!report.dryRun && report.created.length) ctx.emit({ type: 'tags-changed' });
      return report;
    },
  };
}
