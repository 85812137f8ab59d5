/**
 * `<library>-<stem>-<date>.<ext>`, with characters file systems refuse replaced: how every file
 * Gloss offers to save is named (highlight exports, reports, agreement tables, charts).
 * Pure, so the renderer names the chart files it makes itself the same way.
 */
export function datedFileName(
  libraryName: string,
  stem: string,
  extension: string,
  now = new Date(),
): string {
  const base = [...libraryName.normalize('NFC')]
    .slice(0, 80)
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/_+/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base || 'gloss'}-${stem}-${now.toISOString().slice(0, 10)}.${extension}`;
}
