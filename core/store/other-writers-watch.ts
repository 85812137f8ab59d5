/**
 * Tells the store when other writers' folders change (a sync tool delivering a coder's work), so
 * it looks at just those files instead of every file of every writer every few seconds: fs.watch on
 * each data folder (for `coders/` appearing), on `coders/`, on each other writer's folder and on
 * its `annotations/`. Changed article files are gathered for a moment and handed over together;
 * anything else (a writer folder added or removed, a `writer.json`, a codebook) asks for a full
 * look. When fs.watch fails (no watches left), `onFail` is called and the caller polls instead.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { classifySyncFile } from '../teams/sync-files.js';
import type { WriterFileChange } from './other-writers-index.js';
import { CODERS_DIR } from './writer-folders.js';

/** Events are gathered this long: a sync tool delivers a batch of files, a rename several events. */
const GATHER_MS = 150;

export interface OtherWritersNews {
  /** Article files that changed. */
  files: WriterFileChange[];
  /** Something else changed: look at every folder again. */
  full: boolean;
}

type Target =
  | { kind: 'data' }
  | { kind: 'coders' }
  | { kind: 'writer'; writerId: string }
  | { kind: 'files'; writerId: string };

export class OtherWritersWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private files = new Map<string, WriterFileChange>();
  private full = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly onNews: (news: OtherWritersNews) => void,
    private readonly onFail: () => void,
  ) {}

  /**
   * Watches these data folders and other writers' folders (`writerId` → its `annotations/`),
   * and stops watching folders no longer listed. Called again after each full look.
   */
  update(dataDirs: readonly string[], writers: ReadonlyMap<string, string>): void {
    if (this.closed) return;
    const wanted = new Map<string, Target>();
    for (const dataDir of dataDirs) {
      wanted.set(dataDir, { kind: 'data' });
      wanted.set(path.join(dataDir, CODERS_DIR), { kind: 'coders' });
    }
    for (const [writerId, annotationsDir] of writers) {
      wanted.set(path.dirname(annotationsDir), { kind: 'writer', writerId });
      wanted.set(annotationsDir, { kind: 'files', writerId });
    }
    for (const [dir, w] of [...this.watchers]) {
      if (wanted.has(dir)) continue;
      w.close();
      this.watchers.delete(dir);
    }
    for (const [dir, target] of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => this.noticed(target, name === null ? null : String(name)));
        w.on('error', () => this.fail());
        this.watchers.set(dir, w);
      } catch (err) {
        // A folder not there (yet): its parent's watcher tells when it comes.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        this.fail();
        return;
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
  }

  private noticed(target: Target, name: string | null): void {
    if (this.closed) return;
    if (name !== null && classifySyncFile(name).kind === 'sync-temp') return;
    if (target.kind === 'data') {
      if (name !== CODERS_DIR) return;
      this.full = true;
    } else if (target.kind === 'files' && name !== null) {
      this.files.set(`${target.writerId}/${name}`, { writerId: target.writerId, name });
    } else {
      this.full = true;
    }
    this.timer ??= setTimeout(() => this.deliver(), GATHER_MS);
  }

  private deliver(): void {
    this.timer = null;
    if (this.closed) return;
    const news = { files: [...this.files.values()], full: this.full };
    this.files = new Map();
    this.full = false;
    this.onNews(news);
  }

  private fail(): void {
    if (this.closed) return;
    this.close();
    this.onFail();
  }
}
