/**
 * The `.qdpx` container: a ZIP written as it is filled (fflate's streaming `Zip`), so each
 * article's text is compressed and handed on as soon as it is visited instead of the whole archive
 * being built in memory. Entries are deflated; names are ASCII (`project.qde`, `sources/<guid>.txt`).
 */
import { Zip, ZipDeflate } from 'fflate';

export class QdpxZipWriter {
  private readonly pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip: Zip;

  constructor(private readonly mtime: Date = new Date()) {
    // With the synchronous ZipDeflate, fflate calls back before `push` returns.
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure = err;
      else this.pending.push(chunk);
    });
  }

  /** Adds a whole file (text is written as UTF-8, without a byte order mark). */
  add(name: string, content: string | Uint8Array): void {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    entry.push(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, true);
    this.check();
  }

  /** Writes the central directory; nothing can be added after. */
  end(): void {
    this.zip.end();
    this.check();
  }

  /** The bytes written since the last call. */
  take(): Uint8Array[] {
    return this.pending.splice(0);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
