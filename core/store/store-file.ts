/**
 * One JSON file of the store with its rules: read without locking (writes are atomic renames, so a
 * reader sees old or new), read-modify-write under the file's lock with a fresh read inside it, a
 * file from a newer Gloss never written, a corrupt file moved aside (with whatever could be
 * salvaged written in its place) and reported.
 */
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '../errors.js';
import { DurableJsonAdapter } from '../files/durable-json-adapter.js';
import { syncDirectory, unlinkDurable } from '../files/durable-write.js';
import { isReadOnlyError, type FileLocks } from './file-lock.js';
import {
  readDocument,
  signatureOf,
  type DocumentCodec,
  type DocumentRead,
  type FileSignature,
} from './read-document.js';
import { CURRENT_SCHEMA_VERSION } from './store-schema.js';
import { corruptName } from './store-layout.js';
import type { ProblemLog } from './store-problems.js';

export interface StoreFileContext {
  locks: FileLocks;
  problems: ProblemLog;
  /** Told before this process writes or removes a file… */
  beginWrite(file: string): void;
  /** …and the signature it left (null: removed), so change events for it can be ignored. */
  recordWrite(file: string, signature: FileSignature | null): void;
}

export interface StoreFileOptions<T> {
  codec: DocumentCodec<T>;
  empty: () => T;
  /** Extra check after validation (e.g. the file belongs to this article); a message means corrupt. */
  check?: (doc: T) => string | null;
  /**
   * Repairs values nobody may see as they are (bad colours), in place, on every read; a message
   * says what was repaired and is reported as a store problem.
   */
  repair?: (doc: T, fileName: string) => string | null;
  lockName: string;
  articleId: string | null;
  /**
   * The same file in a read-only layer below (a read-only library's own `.gloss`): read while this
   * file does not exist, never written; the first change copies it up into this file.
   */
  lower?: string;
}

/** A classification, and whether it came from the read-only layer below. */
type Classified<T> = DocumentRead<T> & { fromLower?: boolean };

export interface StoreFileRead<T> {
  doc: T;
  /** The file comes from a newer Gloss: show it, never write it. */
  readOnly: boolean;
  signature: FileSignature | null;
  /** Read as it is on disk: valid, current, nothing repaired (its content may be cached). */
  clean?: boolean;
}

export class StoreFile<T extends { schemaVersion: number }> {
  constructor(
    readonly file: string,
    private readonly ctx: StoreFileContext,
    private readonly opts: StoreFileOptions<T>,
  ) {}

  async read(): Promise<StoreFileRead<T>> {
    const result = await this.classify();
    if (result.state !== 'corrupt' || result.fromLower) return this.settle(result);
    try {
      // Moving a file aside must not race a writer that is just replacing it with a good one.
      return await this.ctx.locks.withLock(this.file, this.opts.lockName, async () =>
        this.settle(await this.classify()),
      );
    } catch (err) {
      // A folder that cannot be written cannot have the file moved aside: show what can be read.
      if (!(err instanceof ApiError && err.code === 'read-only') && !isReadOnlyError(err)) throw err;
      return this.repaired(this.readOnlyCorrupt(this.file, result.reason, result.salvage));
    }
  }

  /**
   * Runs `fn` on the current content (fresh, under the lock) and writes the result durably, unless
   * `shouldWrite` says the result changed nothing. A lowdb `Low` over a DurableJsonAdapter: read,
   * change `db.data`, write.
   */
  async update<R>(fn: (doc: T) => R, shouldWrite?: (result: R) => boolean): Promise<R> {
    return this.ctx.locks.withLock(this.file, this.opts.lockName, async () => {
      let readOnly = false;
      const db = new Low<T>(
        this.adapter(async () => {
          const read = await this.settle(await this.classify());
          readOnly = read.readOnly;
          return read.doc;
        }),
        this.opts.empty(),
      );
      await db.read();
      if (readOnly) throw new ApiError('read-only', this.futureMessage());
      const result = fn(db.data);
      if (shouldWrite && !shouldWrite(result)) return result;
      db.data.schemaVersion = CURRENT_SCHEMA_VERSION;
      await this.writeWith(() => db.write());
      return result;
    });
  }

  private adapter(read: () => Promise<T | null>): DurableJsonAdapter<T> {
    return new DurableJsonAdapter<T>(this.file, {
      read,
      beforeWrite: () => this.ctx.beginWrite(this.file),
      afterWrite: async () => {
        const info = await stat(this.file).catch(() => null);
        this.ctx.recordWrite(this.file, info ? signatureOf(info) : null);
      },
    });
  }

  /** Deletes the file (its content has moved elsewhere). */
  async remove(): Promise<void> {
    await this.ctx.locks.withLock(this.file, this.opts.lockName, async () => {
      const result = await this.classify();
      if (result.state === 'future') throw new ApiError('read-only', this.futureMessage());
      // The read-only layer below cannot lose its copy: an empty file here hides it.
      if (this.opts.lower && (await readDocument(this.opts.lower, this.opts.codec)).state !== 'missing') {
        await this.write(this.opts.empty());
        return;
      }
      this.ctx.beginWrite(this.file);
      try {
        await unlinkDurable(this.file);
      } finally {
        this.ctx.recordWrite(this.file, null);
      }
    });
  }

  private async write(doc: T): Promise<void> {
    await this.writeWith(() => this.adapter(async () => null).write(doc));
  }

  /** A durable write, its failure on a read-only folder said in words. */
  private async writeWith(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (!isReadOnlyError(err)) throw err;
      throw new ApiError(
        'read-only',
        `Cannot save ${path.basename(this.file)}: its folder is read-only (no permission, or a ` +
          `read-only disk) (${(err as NodeJS.ErrnoException).code}).`,
      );
    }
  }

  private async classify(): Promise<Classified<T>> {
    let result: Classified<T> = await readDocument(this.file, this.opts.codec);
    if (result.state === 'missing' && this.opts.lower) {
      result = { ...(await readDocument(this.opts.lower, this.opts.codec)), fromLower: true };
    }
    if (result.state === 'ok' && this.opts.check) {
      const reason = this.opts.check(result.data);
      if (reason) return { state: 'corrupt', reason, salvage: null, fromLower: result.fromLower };
    }
    return result;
  }

  /** Turns a classification into content, repaired (see StoreFileOptions.repair). */
  private async settle(result: Classified<T>): Promise<StoreFileRead<T>> {
    return this.repaired(await this.settleRaw(result));
  }

  private repaired(read: StoreFileRead<T>): StoreFileRead<T> {
    const repaired = this.opts.repair?.(read.doc, path.basename(this.file)) ?? null;
    if (repaired) {
      read.clean = false;
      // Scans read files without knowing whose they are: the file says.
      const own = (read.doc as { articleId?: unknown }).articleId;
      const articleId = this.opts.articleId ?? (typeof own === 'string' && own ? own : null);
      this.ctx.problems.add({ kind: 'bad-colour', file: this.file, articleId, message: repaired });
    } else this.ctx.problems.clear('bad-colour', this.file);
    return read;
  }

  /** For a corrupt file, only call while holding the lock. */
  private async settleRaw(result: Classified<T>): Promise<StoreFileRead<T>> {
    if (result.state === 'corrupt' && result.fromLower)
      return this.readOnlyCorrupt(this.opts.lower!, result.reason, result.salvage);
    switch (result.state) {
      case 'missing':
        return { doc: this.opts.empty(), readOnly: false, signature: null };
      case 'ok':
        this.ctx.problems.clear('future-version', this.file);
        return { doc: result.data, readOnly: false, signature: result.signature, clean: !result.fromLower };
      case 'future':
        this.ctx.problems.add({
          kind: 'future-version',
          file: this.file,
          articleId: this.opts.articleId,
          message: this.futureMessage(result.version),
        });
        return { doc: result.data ?? this.opts.empty(), readOnly: true, signature: result.signature };
      case 'corrupt':
        return this.setAside(result.reason, result.salvage);
    }
  }

  /** A corrupt file in the read-only layer cannot be moved aside: reported, what could be read used. */
  private readOnlyCorrupt(file: string, reason: string, salvage: T | null): StoreFileRead<T> {
    this.ctx.problems.add({
      kind: 'corrupt',
      file,
      articleId: this.opts.articleId,
      message: `${path.basename(file)} could not be read (${reason}). It is in a read-only folder and was left unchanged.${salvage ? ' What could still be read is shown.' : ''}`,
    });
    return { doc: salvage ?? this.opts.empty(), readOnly: false, signature: null };
  }

  private async setAside(reason: string, salvage: T | null): Promise<StoreFileRead<T>> {
    const aside = corruptName(this.file);
    this.ctx.beginWrite(this.file);
    try {
      await rename(this.file, aside);
      await syncDirectory(path.dirname(this.file));
    } finally {
      this.ctx.recordWrite(this.file, null);
    }
    let recovered = '';
    if (salvage) {
      await this.write(salvage);
      recovered = ' What could still be read was kept.';
    }
    this.ctx.problems.add({
      kind: 'corrupt',
      file: this.file,
      articleId: this.opts.articleId,
      movedTo: aside,
      message: `${path.basename(this.file)} could not be read (${reason}). It was moved to ${path.basename(aside)} and left unchanged.${recovered}`,
    });
    const info = salvage ? await stat(this.file).catch(() => null) : null;
    return { doc: salvage ?? this.opts.empty(), readOnly: false, signature: info ? signatureOf(info) : null };
  }

  private futureMessage(version?: number): string {
    const which = version === undefined ? 'a newer schema' : `schema version ${version}`;
    return (
      `${path.basename(this.file)} was written by a newer version of Gloss (${which}; this version understands ` +
      `${CURRENT_SCHEMA_VERSION}). It is shown read-only and will not be changed; update Gloss to edit it.`
    );
  }
}
