/**
 * The in-memory index of other writers' work (their writer folders, arrived by sync), beside the
 * store's own index: one entry per writer and article (its live file and any conflict copies of it
 * united by id), each highlight marked with its owner. Kept current by looking again at most once
 * a second when asked: a folder listing and a stat per file, and only files whose size or time
 * changed are read again. A file that does not parse keeps its last good content and is reported.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Coder } from '../model.js';
import { unionHighlights } from '../teams/annotation-union.js';
import { classifySyncFile } from '../teams/sync-files.js';
import { summarize, type ArticleSummaryEntry } from './article-index.js';
import { MIGRATIONS } from './migrations.js';
import { readDocument, signatureOf } from './read-document.js';
import type { ProblemLog } from './store-problems.js';
import { articleFileSchema, type ArticleFile } from './store-schema.js';
import { listWriterIds, readWriterCoder, writerFolder } from './writer-folders.js';

/** How long a look at the folders stays good. */
const FRESH_MS = 1000;

/** Files stat-ed and read at once when looking. */
const LOOK_CONCURRENCY = 16;

export interface OtherWriterSummary {
  writerId: string;
  coder: Coder;
  highlights: number;
}

interface FileState {
  signature: string;
  doc: ArticleFile | null;
}

export class OtherWritersIndex {
  private readonly files = new Map<string, FileState>();
  private readonly coders = new Map<string, Coder>();
  private entries: ArticleSummaryEntry[] = [];
  /** The other writers found by the last look, in the order found. */
  private writerIds: string[] = [];
  private summaries: OtherWriterSummary[] = [];
  private checkedAt = -Infinity;
  private changes = 0;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly dataDirs: () => string[],
    private readonly ownWriterId: () => string,
    private readonly problems: ProblemLog,
  ) {}

  /** True once the folders were looked at. */
  get looked(): boolean {
    return this.checkedAt > -Infinity;
  }

  /** Changes whenever an entry does. */
  get version(): number {
    return this.changes;
  }

  values(): readonly ArticleSummaryEntry[] {
    return this.entries;
  }

  /** Every other writer found by the last look, with its coder and how many highlights it holds. */
  writers(): readonly OtherWriterSummary[] {
    return this.summaries;
  }

  /** Looks at the folders again unless that was done within the last second (or `force`). */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.checkedAt < FRESH_MS) return;
    this.refreshing ??= this.look().finally(() => (this.refreshing = null));
    await this.refreshing;
  }

  private async look(): Promise<void> {
    const started = Date.now();
    const own = this.ownWriterId();
    const present = new Set<string>();
    let changed = false;
    const seen = new Set<string>([own]);
    const writers: string[] = [];
    for (const dataDir of this.dataDirs()) {
      for (const writerId of await listWriterIds(dataDir)) {
        if (seen.has(writerId)) continue;
        seen.add(writerId);
        writers.push(writerId);
        const coder = await readWriterCoder(dataDir, writerId);
        const before = this.coders.get(writerId);
        if (!before || before.name !== coder.name) changed = true;
        this.coders.set(writerId, coder);
        const dir = writerFolder(dataDir, writerId).annotationsDir;
        const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => {
          const kind = classifySyncFile(name).kind;
          return kind === 'live' || kind === 'conflict-copy';
        });
        // A few files at a time: one after the other, 27,000 files took seconds of waiting on the disk.
        for (let i = 0; i < names.length; i += LOOK_CONCURRENCY) {
          const reads = names.slice(i, i + LOOK_CONCURRENCY).map(async (name) => {
            const file = path.join(dir, name);
            const key = `${writerId}/${name}`;
            const known = this.files.get(key);
            if (known) {
              const info = await stat(file).catch(() => null);
              if (!info?.isFile()) return false;
              present.add(key);
              if (known.signature === signatureOf(info)) return false;
            }
            // A file not known yet is read at once: its signature comes with the read.
            return this.read(key, file, present);
          });
          if ((await Promise.all(reads)).includes(true)) changed = true;
        }
      }
    }
    for (const key of [...this.files.keys()]) {
      if (present.has(key) && seen.has(key.slice(0, key.indexOf('/')))) continue;
      this.files.delete(key);
      changed = true;
    }
    if (writers.join('\n') !== this.writerIds.join('\n')) changed = true;
    this.writerIds = writers;
    if (changed) this.rebuild();
    this.checkedAt = started;
  }

  /**
   * Reads one file (marked `present` unless it is gone); false when it could not be (kept as it
   * was, reported, retried next time).
   */
  private async read(key: string, file: string, present: Set<string>): Promise<boolean> {
    const read = await readDocument<ArticleFile>(file, {
      schema: articleFileSchema,
      migrations: MIGRATIONS.article,
    });
    if (read.state === 'missing') return false;
    present.add(key);
    if (read.state === 'corrupt') {
      this.problems.add({
        kind: 'unreadable',
        file,
        message: `${key} could not be read (${read.reason}); it may still be arriving. It was left unchanged and is read again on the next change.`,
      });
      return false;
    }
    this.problems.clear('unreadable', file);
    const doc = read.data;
    const kept = doc && { ...doc, annotations: doc.annotations.filter((a) => a.articleId === doc.articleId) };
    this.files.set(key, { signature: read.signature, doc: kept ?? null });
    if (classifySyncFile(path.basename(file)).kind === 'conflict-copy')
      this.problems.add({
        kind: 'conflict-copy',
        file,
        articleId: kept?.articleId ?? null,
        message: `${key} is a sync tool's conflict copy: the same writer saved on two machines. Its highlights are shown merged with the live file's; nothing was deleted.`,
      });
    return true;
  }

  /** One entry per writer and article: its files united by highlight id, marked with the owner. */
  private rebuild(): void {
    const groups = new Map<string, { writerId: string; docs: ArticleFile[] }>();
    for (const [key, { doc }] of this.files) {
      if (!doc) continue;
      const writerId = key.slice(0, key.indexOf('/'));
      const group = `${writerId}\u0000${doc.articleId}`;
      const g = groups.get(group) ?? { writerId, docs: [] };
      g.docs.push(doc);
      groups.set(group, g);
    }
    this.entries = [...groups.values()].map(({ writerId, docs }) => {
      const annotations = unionHighlights(docs.map((d) => ({ writerId, annotations: d.annotations }))).map(
        ({ writerId: _w, ...a }) => a,
      );
      const entry = summarize({ ...docs[0]!, annotations }, true, true);
      const owner = { writerId, coder: this.coders.get(writerId)! };
      for (const x of entry.annotations) x.owner = owner;
      return entry;
    });
    const counts = new Map<string, number>();
    for (const e of this.entries) {
      const writerId = e.annotations[0]?.owner?.writerId;
      if (writerId) counts.set(writerId, (counts.get(writerId) ?? 0) + e.count);
    }
    this.summaries = this.writerIds.map((writerId) => ({
      writerId,
      coder: this.coders.get(writerId)!,
      highlights: counts.get(writerId) ?? 0,
    }));
    this.changes++;
  }
}
