/**
 * Notices changes to the store made by other processes (a second Gloss window, a `gloss annotate`
 * script, a sync tool) so the app can refresh. Uses fs.watch on the data folder; every event is
 * checked against the signatures of files this process wrote itself, so our own saves stay quiet.
 * Where fs.watch is unavailable it falls back to polling the folders' modification times.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { signatureOf, type FileSignature } from './read-document.js';
import { isArticleFileName, type StoreLayout } from './store-layout.js';

export type ExternalChange =
  | { kind: 'codebook' }
  /** Other writers' folders changed: new highlights, memos or coders (see other-writers-index.ts). */
  | { kind: 'coders' }
  /** articleId is null when it cannot be told (a file removed, or the polling fallback). */
  | { kind: 'annotations'; articleId: string | null; fileName: string | null };

/** Events for one file are gathered this long: a rename arrives as several events. */
const DEBOUNCE_MS = 60;
const POLL_MS = 2000;

export class ExternalChangeWatcher {
  private readonly ownWrites = new Map<string, FileSignature | null>();
  /** Files this process is writing right now: their events wait until the write is recorded. */
  private readonly writing = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly watchers: FSWatcher[] = [];
  private poller: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly layout: StoreLayout,
    /** Finds the article a changed file belongs to (reads it when the name is a hash). */
    private readonly articleIdOf: (fileName: string) => Promise<string | null>,
    private readonly emit: (change: ExternalChange) => void,
  ) {}

  /** True when fs.watch works here; false means the coarser polling fallback runs. */
  get watching(): boolean {
    return this.watchers.length > 0;
  }

  start(): void {
    // A writer folder is made at its first write: until then, the nearest folder above it that
    // exists is watched, and the folder's own watching starts when it appears.
    if (!existsSync(this.layout.annotationsDir)) {
      this.waitForFolder();
      return;
    }
    try {
      this.watchers.push(
        watch(this.layout.dataDir, (_event, name) => {
          if (name === path.basename(this.layout.codebookFile)) this.schedule(this.layout.codebookFile);
        }),
        watch(this.layout.annotationsDir, (_event, name) => {
          if (name === null) this.emit({ kind: 'annotations', articleId: null, fileName: null });
          else if (isArticleFileName(name)) this.schedule(path.join(this.layout.annotationsDir, name));
        }),
      );
      for (const w of this.watchers) w.on('error', () => this.fallBackToPolling());
    } catch {
      this.fallBackToPolling();
    }
  }

  private waitForFolder(): void {
    let above = path.dirname(this.layout.annotationsDir);
    while (!existsSync(above) && path.dirname(above) !== above) above = path.dirname(above);
    const next = path.join(above, path.relative(above, this.layout.annotationsDir).split(path.sep)[0]!);
    try {
      const w = watch(above, () => {
        if (this.closed || !this.watchers.includes(w) || !existsSync(next)) return;
        // The next folder down came: watch it (or, the folder itself there, watch that).
        this.watchers.splice(this.watchers.indexOf(w), 1);
        w.close();
        this.start();
        // What was written before its watching started is read again.
        if (this.watchers.length > 0 && existsSync(this.layout.annotationsDir))
          this.emit({ kind: 'annotations', articleId: null, fileName: null });
      });
      w.on('error', () => this.fallBackToPolling());
      this.watchers.push(w);
    } catch {
      this.fallBackToPolling();
    }
  }

  /** Called before this process writes or removes a file. */
  beginWrite(file: string): void {
    this.writing.set(file, (this.writing.get(file) ?? 0) + 1);
  }

  /** Called after each write or removal by this process (also after a failed one, with its outcome). */
  recordWrite(file: string, signature: FileSignature | null): void {
    this.ownWrites.set(file, signature);
    const n = (this.writing.get(file) ?? 1) - 1;
    if (n > 0) this.writing.set(file, n);
    else this.writing.delete(file);
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.splice(0)) w.close();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.poller) clearInterval(this.poller);
  }

  private schedule(file: string): void {
    if (this.closed) return;
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        void this.check(file);
      }, DEBOUNCE_MS),
    );
  }

  private async check(file: string): Promise<void> {
    if (this.writing.has(file)) {
      this.schedule(file);
      return;
    }
    const info = await stat(file).catch(() => null);
    const signature = info ? signatureOf(info) : null;
    if (this.ownWrites.has(file) && this.ownWrites.get(file) === signature) return;
    // Remember it, so a second event for the same change does not report it twice.
    this.ownWrites.set(file, signature);
    if (this.closed) return;
    if (file === this.layout.codebookFile) {
      this.emit({ kind: 'codebook' });
      return;
    }
    const fileName = path.basename(file);
    const articleId = await this.articleIdOf(fileName).catch(() => null);
    if (!this.closed) this.emit({ kind: 'annotations', articleId, fileName });
  }

  private fallBackToPolling(): void {
    for (const w of this.watchers.splice(0)) w.close();
    if (this.poller || this.closed) return;
    const last = new Map<string, number>();
    this.poller = setInterval(() => {
      void (async () => {
        for (const target of [this.layout.codebookFile, this.layout.annotationsDir]) {
          const info = await stat(target).catch(() => null);
          const mtime = info?.mtimeMs ?? 0;
          const before = last.get(target);
          last.set(target, mtime);
          if (before === undefined || before === mtime || this.closed) continue;
          if (target === this.layout.codebookFile) this.emit({ kind: 'codebook' });
          else this.emit({ kind: 'annotations', articleId: null, fileName: null });
        }
      })();
    }, POLL_MS);
    this.poller.unref();
  }
}
