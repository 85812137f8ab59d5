/** The shape every exporter returns: the file as a stream of chunks, and a row count. */

export interface ExportRun {
  /**
   * The file, chunk by chunk: text (written as UTF-8) or bytes (binary formats such as `.qdpx`).
   * Work happens only as fast as the chunks are consumed.
   */
  chunks: AsyncIterable<string | Uint8Array>;
  /** Records written so far (CSV rows, or highlights for the other formats); final once drained. */
  readonly rows: number;
}

/** The whole file of a run as one string, for callers that need one (the browser download). */
export interface CollectedExport {
  /** The text itself, or the bytes in base64 when the format is binary. */
  content: string;
  encoding: 'utf-8' | 'base64';
}

/**
 * Text runs stay text; a run that yields any bytes is binary, so all of it is joined as bytes (text
 * chunks as UTF-8) and handed over in base64, which survives the JSON reply of the browser mode.
 */
export async function collectExport(chunks: AsyncIterable<string | Uint8Array>): Promise<CollectedExport> {
  const parts: (string | Uint8Array)[] = [];
  let binary = false;
  for await (const chunk of chunks) {
    parts.push(chunk);
    if (typeof chunk !== 'string') binary = true;
  }
  if (!binary) return { content: parts.join(''), encoding: 'utf-8' };
  const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
  return { content: bytes.toString('base64'), encoding: 'base64' };
}

/** The whole text of a text run (CSV, JSON, Markdown). */
export async function collectText(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const { content, encoding } = await collectExport(chunks);
  return encoding === 'utf-8' ? content : Buffer.from(content, 'base64').toString('utf8');
}
