/** Writes a chart file where the user chose in the desktop's save dialog. */
import { basename, resolve } from 'node:path';
import { ApiError } from '../errors.js';
import { writeFileDurable } from '../files/durable-write.js';
import type { chartFileContract } from './chart-file-contract.js';
import type { HandlersOf } from './define.js';
import type { ServiceContext } from './service-context.js';

export type ChartFileHandlers = HandlersOf<typeof chartFileContract>;

/** The PNG's bytes, or a refusal when the base64 is not a PNG image. */
function pngBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 8 || bytes.subarray(1, 4).toString('latin1') !== 'PNG')
    throw new ApiError('invalid-input', 'That is not a PNG image.');
  return bytes;
}

export function chartFileHandlers(ctx: ServiceContext): ChartFileHandlers {
  return {
    async saveChartFile({ fileName, format, content }) {
      if (!ctx.dialogs)
        throw new ApiError(
          'invalid-input',
          'Saving to a file needs the desktop app; download the chart instead.',
        );
      const data = format === 'png' ? pngBytes(content) : content;
      // Only a name is proposed: the page cannot choose the folder.
      const picked = await ctx.dialogs.pickSaveFile(basename(fileName), [format]);
      if (!picked) return null;
      const path = resolve(picked);
      await writeFileDurable(path, data);
      return { path };
    },
  };
}
