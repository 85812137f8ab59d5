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

  /**
   * Adds a file whose text arrives in pieces, each compressed as it comes; yields the archive's
   * bytes as they are produced.
   */
  *addPieces(name: string, pieces: Iterable<string>): Generator<Uint8Array> {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    for (const piece of pieces) {
      entry.push(Buffer.from(piece, 'utf8'));
      this.check();
      yield* this.take();
    }
    entry.push(new Uint8Array(0), true);
    this.check();
    yield* this.take();
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
