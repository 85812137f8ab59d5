/**
 * Undo/redo history for annotation and codebook changes. Each entry knows how to undo and redo
 * itself through the API; entries run one at a time (a queue), so pressing Ctrl+Z quickly never
 * interleaves two requests.
 */
export interface UndoEntry {
  /** i18n key describing the change, e.g. 'undo.create'. */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** What a change did: its result and its undo entry (none when it changed nothing); null if nothing. */
export type Done<T> = { result: T; entry: UndoEntry | null } | null;

export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 200) {}

  push(entry: UndoEntry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.notify();
  }

  canUndo(): boolean {
    return this.done.length > 0;
  }

  canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Resolves with the entry undone (null when there was none); rejects if the API failed. */
  undo(): Promise<UndoEntry | null> {
    return this.run(() => {
      const entry = this.done.pop();
      if (!entry) return null;
      return entry.undo().then(
        () => {
          this.undone.push(entry);
          return entry;
        },
        (err: unknown) => {
          this.done.push(entry); // still applied: let the user try again
          throw err;
        },
      );
    });
  }

  redo(): Promise<UndoEntry | null> {
    return this.run(() => {
      const entry = this.undone.pop();
      if (!entry) return null;
      return entry.redo().then(
        () => {
          this.done.push(entry);
          return entry;
        },
        (err: unknown) => {
          this.undone.push(entry);
          throw err;
        },
      );
    });
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private run<T>(step: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(step);
    this.queue = next.catch(() => undefined);
    void next.finally(() => this.notify()).catch(() => undefined);
    return next;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
