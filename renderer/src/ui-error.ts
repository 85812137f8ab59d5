/**
 * An error the UI itself raises (drawing a chart as an image, reading a chosen file), named by
 * its key under `errors.ui` so errorText (error-text.ts) words it in the UI language; `detail` is
 * the browser's own English explanation, when there is one.
 */
export type UiErrorKey = 'chartImage' | 'noCanvas' | 'noPng' | 'fileUnreadable';

export class UiError extends Error {
  constructor(
    readonly key: UiErrorKey,
    readonly detail?: string,
  ) {
    super(detail ? `${key}: ${detail}` : key);
    this.name = 'UiError';
  }
}
