/** The shape every exporter returns: the file's text as a stream of chunks, and a row count. */

export interface ExportRun {
  /** The text, chunk by chunk; work happens only as fast as the chunks are consumed. */
  chunks: AsyncIterable<string>;
  /** Records written so far (CSV rows, or highlights for JSON and Markdown); final once drained. */
  readonly rows: number;
}

/** The whole text of a run, for callers that need one string (the browser download). */
export async function collectText(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}
