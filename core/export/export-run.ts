/**
 * The shape every exporter returns: the file as a stream of chunks, and a row count. Text formats
 * (CSV, JSON, Markdown) yield strings; binary ones (Excel workbooks, ZIP archives) yield bytes.
 * Whoever writes the file takes both (`writeStreamDurable`, standard output); whoever needs it whole
 * for a JSON reply (the browser download) uses `collectContent`, which picks the encoding.
 */

export type ExportChunk = string | Uint8Array;

export interface ExportRun {
  /** The file, chunk by chunk; work happens only as fast as the chunks are consumed. */
  chunks: AsyncIterable<ExportChunk>;
  /** Records written so far (CSV rows, or highlights for JSON and Markdown); final once drained. */
  readonly rows: number;
}

/** How `content` of a whole export is written into a JSON reply. */
export type ContentEncoding = 'utf-8' | 'base64';

/** The whole text of a run of a text format. */
export async function collectText(chunks: AsyncIterable<ExportChunk>): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The whole file of a run as bytes (strings as UTF-8). */
export async function collectBytes(chunks: AsyncIterable<ExportChunk>): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) {
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  return Buffer.concat(parts);
}

/**
 * The whole file for a JSON reply: text as it is, bytes as base64 (JSON cannot carry raw bytes;
 * the browser decodes them into the download's Blob, see renderer/src/export/download.ts).
 */
export async function collectContent(
  chunks: AsyncIterable<ExportChunk>,
  encoding: ContentEncoding,
): Promise<{ content: string; encoding: ContentEncoding }> {
  if (encoding === 'utf-8') return { content: await collectText(chunks), encoding };
  return { content: Buffer.from(await collectBytes(chunks)).toString('base64'), encoding };
}
