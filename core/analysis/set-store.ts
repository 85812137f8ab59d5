/**
 * Saved sets on disk: each writer saves to its own `coders/<writerId>/sets.json` (durably, under a
 * cross-process lock, the file read fresh inside it), and every reader merges all writers' files
 * (merge-sets.ts). Other writers' files are only read; one that does not parse is reported and
 * skipped. My own file that does not parse is never overwritten: saving says so instead.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../errors.js';
import { jsonText } from '../files/durable-json-adapter.js';
import { writeFileDurable } from '../files/durable-write.js';
import type { WriterIdentity } from '../settings/coder-identity.js';
import { FileLocks } from '../store/file-lock.js';
import { storeLayout } from '../store/store-layout.js';
import { listWriterIds, writerFolder } from '../store/writer-folders.js';
import { HlcClock } from '../teams/hlc.js';
import { mergeSets, type WriterSets } from './merge-sets.js';
import { emptySetFile, parseSetFile, SETS_FILE, type SetEntry, type SetFile } from './set-file.js';
import type { SampleRecipe, SavedSet, SetList } from './set-types.js';

export interface SetStoreOptions {
  dataDir: string;
  /** Who saves now (the store's current writer). */
  writer: () => WriterIdentity;
  /** Why nothing can be saved (a read-only library), or null. */
  readOnly: () => string | null;
}

export class SetStore {
  private readonly locks: FileLocks;

  constructor(private readonly opts: SetStoreOptions) {
    this.locks = new FileLocks(storeLayout(opts.dataDir).locksDir, () => undefined);
  }

  private fileOf(writerId: string): string {
    return path.join(writerFolder(this.opts.dataDir, writerId).dir, SETS_FILE);
  }

  /** Every writer's entries, with the problems of files that could not be read. */
  private async readAll(): Promise<{ writers: WriterSets[]; problems: string[] }> {
    const writers: WriterSets[] = [];
    const problems: string[] = [];
    for (const writerId of await listWriterIds(this.opts.dataDir)) {
      const text = await readFile(this.fileOf(writerId), 'utf8').catch(() => null);
      if (text === null) continue;
      const read = parseSetFile(text);
      if (read.ok) writers.push({ writerId, entries: read.file.sets });
      else
        problems.push(
          `${writerId}/${SETS_FILE} could not be read (${read.reason}); its sets are not shown. It was left unchanged.`,
        );
    }
    return { writers, problems };
  }

  async list(): Promise<SetList> {
    const { writers, problems } = await this.readAll();
    const merged = mergeSets(writers, this.opts.writer().writerId);
    return { sets: merged.sets, problems: [...problems, ...merged.problems] };
  }

  /** The set called `name`, or a not-found error naming the sets there are. */
  async get(name: string): Promise<SavedSet> {
    const { sets } = await this.list();
    const found = sets.find((s) => s.name === name.trim());
    if (found) return found;
    const names = sets.map((s) => `"${s.name}"`).join(', ') || 'none yet';
    throw new ApiError('not-found', `No set called "${name.trim()}" in this library (its sets: ${names}).`);
  }

  async save(name: string, articleIds: readonly string[], sample: SampleRecipe | null): Promise<SavedSet> {
    const trimmed = name.trim();
    await this.change(trimmed, (stamp, writer) => ({
      name: trimmed,
      articleIds: [...articleIds],
      sample,
      stamp,
      creatorName: writer.coder.name,
      modified: new Date().toISOString(),
    }));
    return this.get(trimmed);
  }

  /** Hides the set for every reader; false when there was no such set. */
  async delete(name: string): Promise<boolean> {
    const trimmed = name.trim();
    const { sets } = await this.list();
    if (!sets.some((s) => s.name === trimmed)) return false;
    await this.change(trimmed, (stamp, writer) => ({
      name: trimmed,
      articleIds: [],
      sample: null,
      stamp,
      creatorName: writer.coder.name,
      modified: new Date().toISOString(),
      deleted: true,
    }));
    return true;
  }

  /** Replaces my entry for `name` with `make(stamp)`, the stamp later than any save of it anyone made. */
  private async change(
    name: string,
    make: (stamp: string, writer: WriterIdentity) => SetEntry,
  ): Promise<void> {
    const why = this.opts.readOnly();
    if (why) throw new ApiError('read-only', why);
    const writer = this.opts.writer();
    const file = this.fileOf(writer.writerId);
    await mkdir(path.dirname(file), { recursive: true });
    await mkdir(storeLayout(this.opts.dataDir).locksDir, { recursive: true });
    const { writers } = await this.readAll();
    await this.locks.withLock(file, `sets-${writer.writerId}`, async () => {
      const mine = await this.readMine(file);
      const clock = new HlcClock(writer.writerId);
      for (const w of writers) for (const e of w.entries) if (e.name === name) clock.observe(e.stamp);
      for (const e of mine.sets) if (e.name === name) clock.observe(e.stamp);
      const entry = make(clock.tick(), writer);
      const doc: SetFile = { ...mine, sets: [...mine.sets.filter((e) => e.name !== name), entry] };
      doc.sets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      await writeFileDurable(file, jsonText(doc));
    });
  }

  private async readMine(file: string): Promise<SetFile> {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw new ApiError('io', `Cannot read ${file}: ${err.message}`);
    });
    if (text === null) return emptySetFile();
    const read = parseSetFile(text);
    if (!read.ok)
      throw new ApiError(
        'conflict',
        `Your sets file ${file} could not be read (${read.reason}); it was left unchanged. Repair or remove it, then save again.`,
      );
    return read.file;
  }
}
