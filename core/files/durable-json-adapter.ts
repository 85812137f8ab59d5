/**
 * lowdb's document layer over our guarantees: an `Adapter<T>` for `Low` whose `read()` parses and
 * validates the file (a caller's reader, so the store's rules for newer, corrupt and layered files
 * apply), and whose `write()` is `writeFileDurable` (temp file, fsync, rename, folder fsync): once
 * `db.write()` resolves, the change survives a crash. Locking is the caller's (a StoreFile holds the
 * file's cross-process lock around `read()`, the change and `write()`).
 */
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durable-write.js';

export interface DurableJsonAdapterOptions<T> {
  /** The file's content, checked (null: none yet, lowdb then starts from its default data). */
  read: () => Promise<T | null>;
  /** Told before and after each write (the store's watcher keeps its own writes quiet with these). */
  beforeWrite?: () => void;
  afterWrite?: () => Promise<void> | void;
}

/** The text Gloss writes for a JSON document: two-space indents and a final newline. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly opts: DurableJsonAdapterOptions<T>,
  ) {}

  read(): Promise<T | null> {
    return this.opts.read();
  }

  async write(data: T): Promise<void> {
    this.opts.beforeWrite?.();
    try {
      await writeFileDurable(this.file, jsonText(data));
    } finally {
      await this.opts.afterWrite?.();
    }
  }
}
