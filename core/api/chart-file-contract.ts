/**
 * Desktop: saving a chart the page drew (SVG text, or a PNG it rendered) to a file the user picks
 * with the save dialog. The browser mode downloads instead and never calls this.
 */
import { z } from 'zod';
import { op } from './define.js';
import { LIMITS } from '../limits.js';

/** A print-resolution PNG of a large chart is a few megabytes; base64 adds a third. */
export const MAX_CHART_FILE = 40_000_000;

export const chartFileContract = {
  saveChartFile: op<{ path: string } | null>()(
    z
      .object({
        /** The name the dialog proposes; the user chooses the folder and may change it. */
        fileName: z.string().min(1).max(LIMITS.name),
        format: z.enum(['svg', 'png']),
        /** SVG: the file's text. PNG: the image's bytes in base64. */
        content: z.string().min(1).max(MAX_CHART_FILE),
      })
      .strict(),
  ),
};
